namespace DanVan.Web.Features.Signing;

/// <summary>The <c>Signing</c> section (decision 0023).</summary>
public sealed class SigningOptions
{
    public const string Section = "Signing";

    /// <summary>A folder of CA certificates (.cer, .crt, .der, .pem) whose chains are trusted; relative to the
    /// content root. Empty or missing: no signature is trusted.</summary>
    public string TrustAnchors { get; set; } = "";

    /// <summary>The CN the agency's certificate must carry (e.g. "Văn phòng UBND tỉnh Quảng Ngãi").</summary>
    public string AgencySubject { get; set; } = "";

    /// <summary>The largest signed file accepted, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Unset: <see cref="SigningRequirement.None"/> in demo mode, <see cref="SigningRequirement.LeaderAndAgency"/> elsewhere.</summary>
    public SigningRequirement Required { get; set; } = SigningRequirement.LeaderAndAgency;
}
