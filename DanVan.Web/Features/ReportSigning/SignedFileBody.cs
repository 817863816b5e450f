namespace DanVan.Web.Features.ReportSigning;

/// <summary>An uploaded signed file read up to the limit, so that an anonymous upload never buffers more than allowed.</summary>
public static class SignedFileBody
{
    /// <summary>The bytes, or null when the body is larger than <paramref name="max"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, long max, CancellationToken ct)
    {
        if (declaredLength > max) return null;
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = await body.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + n > max) return null;
            copy.Write(buffer, 0, n);
        }
        return copy.ToArray();
    }
}
