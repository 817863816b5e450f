using System.Text.Json;

namespace DanVan.Web.Features.Account;

/// <summary>A JSON body read up to a limit, so that an anonymous endpoint never buffers more than it needs.</summary>
public static class LimitedBody
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<(T? Value, bool TooLarge)> ReadJsonAsync<T>(HttpRequest request, int limit, CancellationToken ct) where T : class
    {
        if (request.ContentLength > limit) return (null, true);
        var buffer = new byte[limit + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), ct)) > 0) read += n;
        if (read > limit) return (null, true);
        try
        {
            return (JsonSerializer.Deserialize<T>(buffer.AsSpan(0, read), Web), false);
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }
}
