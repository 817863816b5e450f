using DanVan.Domain.Formatting;

namespace DanVan.Domain.Comparisons;

/// <summary>
/// The plausibility rule: a flow that jumps against the same period a year earlier is a warning with both numbers,
/// which, like a violated rule, needs an explanation before the sheet is sent.
/// </summary>
public static class YearOnYearCheck
{
    public const string RuleCodePrefix = "CUNGKY.";

    public static bool IsImplausible(FigureChange change, PlausibilityThreshold threshold)
    {
        if (Math.Abs(change.Difference) < threshold.MinimumChange) return false;
        // From nothing to at least the minimum is beyond any percentage.
        return change.Percent is not { } percent || Math.Abs(percent) > threshold.Percent;
    }

    /// <summary>
    /// “Tiếp nhận mới (48.000) tăng 69,8% so với cùng kỳ năm 2020 (28.262): đề nghị kiểm tra lại hoặc giải trình”, or
    /// null when the change is plausible or cannot be computed.
    /// </summary>
    public static string? Warning(string indicatorName, FigureChange? change, int earlierYear, PlausibilityThreshold threshold)
    {
        if (change is null || change.InPoints || !IsImplausible(change, threshold)) return null;
        var verb = change.Difference > 0 ? "tăng" : "giảm";
        var size = change.Percent is { } p ? VietnameseFormat.ComputedRate(Math.Abs(p)) : VietnameseFormat.Number(Math.Abs(change.Difference));
        return $"{indicatorName} ({VietnameseFormat.Number(change.Current)}) {verb} {size} so với {ChangeWording.SamePeriodOf(earlierYear)} "
            + $"({VietnameseFormat.Number(change.Earlier)}): đề nghị kiểm tra lại hoặc giải trình";
    }
}
