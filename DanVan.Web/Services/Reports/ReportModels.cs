using DanVan.Domain.Reports;
using DanVan.Domain.Reports.Document;

namespace DanVan.Web.Services.Reports;

public sealed record SectionView(
    string Key, string Label, string Title, int Depth, string? WriterUnit, string? CompilerText, string? Narrative,
    string? DefaultText, string Source);

public sealed record FigureChange(string Code, string Name, string Issued, string Current);

public sealed record ReportView(
    string PeriodCode,
    string PeriodName,
    ReportState State,
    bool Exists,
    ReportMetadata Metadata,
    string? ReviewComment,
    DateTimeOffset? IssuedAt,
    string? IssuedBy,
    string? PdfSha256,
    IReadOnlyList<LintWarning> Lint,
    IReadOnlyList<string> MissingCodes,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<FigureChange> ChangesSinceIssue,
    (DateOnly From, DateOnly To) SendWindow,
    string? PreviousReportPeriod)
{
    /// <summary>Lint errors, warnings and units not accepted: what blocks sending and approving.</summary>
    public ReportReadiness Readiness { get; init; } = new([], 0, []);

    /// <summary>The compiler's reasons for sending with units not accepted, by unit code (the leader sees them).</summary>
    public IReadOnlyDictionary<string, string> SendReasons { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset? ApprovedAt { get; init; }
    public string? ApprovedBy { get; init; }

    /// <summary>Earlier reports of the period that were revoked, oldest first.</summary>
    public IReadOnlyList<RevokedReport> Revoked { get; init; } = [];

    /// <summary>The signed revisions, in signing order (each with its verified signature).</summary>
    public IReadOnlyList<Features.ReportSigning.ReportRevisionView> Revisions { get; init; } = [];

    /// <summary>The signature due now (the report awaits signatures), else null.</summary>
    public Domain.Signing.SigningStep? NextSignature { get; init; }

    public Features.Signing.SigningRequirement Requirement { get; init; }
}

/// <summary>A revoked report of the period: kept with its files.</summary>
public sealed record RevokedReport(string Number, DateTimeOffset? ApprovedAt, DateTimeOffset RevokedAt, string RevokedBy, string Reason, string? PdfSha256);

/// <summary>What the compiler changes; a null part is left as it is.</summary>
public sealed record ReportUpdate(ReportMetadata? Metadata, IReadOnlyDictionary<string, string?>? Sections);

public enum ReportOutcome
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
    /// <summary>Refused for reasons listed in <see cref="ReportResult.Refusals"/> (422).</summary>
    Refused,
}

public sealed record ReportResult(ReportOutcome Outcome, IReadOnlyDictionary<string, string[]>? Errors = null, string? Message = null)
{
    public IReadOnlyList<string> Refusals { get; init; } = [];

    public static ReportResult Refused(string message, IReadOnlyList<string> refusals) => new(ReportOutcome.Refused, null, message) { Refusals = refusals };

    public static ReportResult Ok { get; } = new(ReportOutcome.Ok);
    public static ReportResult NotFound { get; } = new(ReportOutcome.NotFound);
    public static ReportResult Forbidden { get; } = new(ReportOutcome.Forbidden);
    public static ReportResult Conflict(string message) => new(ReportOutcome.Conflict, null, message);
    public static ReportResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ReportOutcome.Invalid, errors, "Dữ liệu không hợp lệ, chưa lưu.");
}

public sealed record ReportFile(byte[] Content, string ContentType, string FileName);
