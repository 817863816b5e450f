namespace DanVan.Domain.Signing;

/// <summary>Who must have signed for a step: the certificate's subject CN must equal <see cref="ExpectedCommonName"/>
/// under <see cref="SignerName.Matches"/>.</summary>
public sealed record ExpectedSigner(SigningStep Step, string ExpectedCommonName);
