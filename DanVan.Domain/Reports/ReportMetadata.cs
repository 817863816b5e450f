namespace DanVan.Domain.Reports;

/// <summary>What the compiler sets on a report: số/ký hiệu, place and date, agencies, request, recipients, signer.</summary>
public sealed record ReportMetadata(
    string Number,
    string Place,
    DateOnly? Date,
    string ParentAgency,
    string Agency,
    string RequestReference,
    IReadOnlyList<string> Recipients,
    SignerAuthority SignerAuthority,
    string SignerTitle,
    string? DeputyTitle,
    string SignerName)
{
    public static ReportMetadata Empty { get; } =
        new("", "", null, "", "", "", [], SignerAuthority.None, "", null, "");
}
