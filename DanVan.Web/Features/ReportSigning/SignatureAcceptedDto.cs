namespace DanVan.Web.Features.ReportSigning;

/// <summary>The answer to a signed file that passed every check (its shape in the OpenAPI document).</summary>
public sealed record SignatureAcceptedDto(bool Ok, SignatureDto Signature);
