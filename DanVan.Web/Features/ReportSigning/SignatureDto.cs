using DanVan.Domain.Signing;

namespace DanVan.Web.Features.ReportSigning;

/// <summary>A verified signature in the API: step, signer (CN), organisation (O), signedAt, issuer, serial, valid, trusted.</summary>
public sealed record SignatureDto(string Step, string Signer, string? Organisation, DateTimeOffset? SignedAt, string Issuer, string Serial, bool Valid, bool Trusted)
{
    public static SignatureDto Of(SignatureInfo s) =>
        new(SigningSteps.ApiName(s.Step), s.SignerCommonName, s.Organisation, s.SignedAt, s.Issuer, s.Serial, s.Valid, s.Trusted);
}
