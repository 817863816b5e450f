using DanVan.Domain.Formatting;
using DanVan.Domain.Reports.Document;
using DanVan.Domain.Submissions;

namespace DanVan.Domain.Reports;

/// <summary>A participating unit and the state of its sheet for the period.</summary>
public sealed record UnitStanding(string UnitCode, string UnitName, SubmissionStatus Status)
{
    public bool IsAccepted => Status == SubmissionStatus.Accepted;
}

/// <summary>
/// "Nothing is frozen with errors": whether a report may be sent for approval or approved. Refused while any lint
/// item is an error, or a participating unit's sheet is not accepted and the compiler gave no reason for it.
/// </summary>
public sealed record ReportReadiness(IReadOnlyList<LintWarning> Errors, int Warnings, IReadOnlyList<UnitStanding> Unaccepted)
{
    public static ReportReadiness Of(IEnumerable<LintWarning> lint, IEnumerable<UnitStanding> participants)
    {
        var all = lint.ToList();
        return new(
            all.Where(l => l.Severity == LintSeverity.Error).ToList(),
            all.Count(l => l.Severity == LintSeverity.Warning),
            participants.Where(p => !p.IsAccepted).ToList());
    }

    /// <summary>"1 lỗi, 3 cảnh báo, 1 đơn vị chưa được tiếp nhận" (or "Không có lỗi, cảnh báo").</summary>
    public string Summary
    {
        get
        {
            var parts = new List<string>();
            if (Errors.Count > 0) parts.Add($"{VietnameseFormat.Count(Errors.Count)} lỗi");
            parts.Add($"{VietnameseFormat.Count(Warnings)} cảnh báo");
            if (Unaccepted.Count > 0) parts.Add($"{VietnameseFormat.Count(Unaccepted.Count)} đơn vị chưa được tiếp nhận");
            return string.Join(", ", parts);
        }
    }

    /// <summary>Why the report may not move on, one Vietnamese sentence each; empty when it may.</summary>
    /// <param name="reasons">The compiler's reasons by unit code (typed when sending anyway).</param>
    public IReadOnlyList<string> Refusals(IReadOnlyDictionary<string, string>? reasons)
    {
        var result = Errors.Select(e => "Lỗi: " + e.Message).ToList();
        foreach (var unit in Unaccepted)
        {
            if (reasons is not null && reasons.TryGetValue(unit.UnitCode, out var reason) && !string.IsNullOrWhiteSpace(reason)) continue;
            result.Add($"Phiếu của {unit.UnitName} ({unit.Status.Vietnamese()}) chưa được tiếp nhận: cần tiếp nhận, hoặc ghi lý do vẫn trình.");
        }
        return result;
    }
}
