using DanVan.Domain.Formatting;

namespace DanVan.Domain.Comparisons;

/// <summary>
/// The Vietnamese sentence part for a change, as report texts write it: “tăng 6.587 hồ sơ (15,2%) so với cùng kỳ năm
/// 2020”, “giảm 40 đơn (7,2%) …”, “bằng cùng kỳ năm 2020”, “tăng 0,5 điểm phần trăm …”.
/// </summary>
public static class ChangeWording
{
    /// <summary><paramref name="against"/> is what follows “so với”: “cùng kỳ năm 2020”, “6 tháng cuối năm 2020”.</summary>
    public static string Describe(FigureChange? change, string measure, string against, int rateDecimals = 1)
    {
        if (change is null) return VietnameseFormat.Missing;
        if (change.Difference == 0) return $"bằng {against}";
        var verb = change.Difference > 0 ? "tăng" : "giảm";
        var size = Math.Abs(change.Difference);
        if (change.InPoints)
            return $"{verb} {VietnameseFormat.FixedNumber(size, rateDecimals)} điểm phần trăm so với {against}";
        var amount = string.IsNullOrWhiteSpace(measure) ? VietnameseFormat.Number(size) : $"{VietnameseFormat.Number(size)} {measure.Trim()}";
        var percent = change.Percent is { } p ? $" ({VietnameseFormat.ComputedRate(Math.Abs(p))})" : "";
        return $"{verb} {amount}{percent} so với {against}";
    }

    /// <summary>“cùng kỳ năm 2020” for the same period a year earlier.</summary>
    public static string SamePeriodOf(int year) => $"cùng kỳ năm {year}";
}
