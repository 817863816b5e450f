using DanVan.Domain.Indicators;
using DanVan.Domain.Reports;
using DanVan.Domain.Reports.Document;
using DanVan.Domain.Rules;
using DanVan.Domain.Submissions;

namespace DanVan.Domain.Common;

/// <summary>
/// The names enums travel under in the API, template files and the dashboard's JSON ("notStarted", "error",
/// "pendingApproval", "yesno"): once each, with their parsers. Vietnamese labels are the enums' Vietnamese().
/// </summary>
public static class ApiNames
{
    public static string Of(SubmissionStatus status) => status switch
    {
        SubmissionStatus.NotStarted => "notStarted",
        SubmissionStatus.Draft => "draft",
        SubmissionStatus.Submitted => "submitted",
        SubmissionStatus.Returned => "returned",
        _ => "accepted",
    };

    public static string Of(Severity severity) => severity == Severity.Error ? "error" : "warning";

    public static string Of(LintSeverity severity) => severity == LintSeverity.Error ? "error" : "warning";

    public static string Of(ReportState state) => state switch
    {
        ReportState.Draft => "draft",
        ReportState.PendingApproval => "pendingApproval",
        ReportState.AwaitingSignature => "awaitingSignature",
        ReportState.Revoked => "revoked",
        _ => "issued",
    };

    public static string Of(ValueKind kind) => kind switch
    {
        ValueKind.Count => "count",
        ValueKind.Percent => "percent",
        ValueKind.YesNo => "yesno",
        _ => "text",
    };

    public static Severity? ParseSeverity(string? name) => name?.ToLowerInvariant() switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        _ => null,
    };

    public static ValueKind? ParseKind(string? name) => name?.ToLowerInvariant() switch
    {
        "count" => ValueKind.Count,
        "percent" => ValueKind.Percent,
        "yesno" => ValueKind.YesNo,
        "text" => ValueKind.Text,
        _ => null,
    };
}
