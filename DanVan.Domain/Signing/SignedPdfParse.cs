namespace DanVan.Domain.Signing;

/// <summary>The structural verdict on an uploaded file: its signature layout, or the refusal of the check that failed.</summary>
public sealed record SignedPdfParse(SignedPdfLayout? Layout, SignatureVerification? Failure)
{
    public bool Ok => Layout is not null;

    public static SignedPdfParse Found(SignedPdfLayout layout) => new(layout, null);

    public static SignedPdfParse Refused(SignatureVerification failure) => new(null, failure);
}
