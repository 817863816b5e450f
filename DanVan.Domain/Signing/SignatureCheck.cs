namespace DanVan.Domain.Signing;

/// <summary>The names of the checks an uploaded signed file goes through, in order; a refusal names the one that failed.</summary>
public static class SignatureCheck
{
    public const string Size = "size";
    public const string Pdf = "pdf";
    public const string Prefix = "prefix";
    public const string Incremental = "incremental";
    public const string SignaturePresent = "signature";
    public const string ByteRange = "byte-range";
    public const string Cms = "cms";
    public const string Digest = "digest";
    public const string Integrity = "integrity";
    public const string NotYetValid = "not-yet-valid";
    public const string Expired = "expired";
    public const string KeyUsage = "key-usage";
    public const string Trust = "trust";
    public const string Signer = "signer";
}
