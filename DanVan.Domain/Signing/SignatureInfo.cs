namespace DanVan.Domain.Signing;

/// <summary>What the portal shows of a verified signature: the signer certificate's subject CN and O, the claimed
/// signing time, the issuer and serial, and whether the signature is valid and its chain ends at a trust anchor.</summary>
public sealed record SignatureInfo(
    SigningStep Step,
    string SignerCommonName,
    string? Organisation,
    DateTimeOffset? SignedAt,
    string Issuer,
    string Serial,
    bool Valid,
    bool Trusted);
