using System.Globalization;
using DanVan.Domain.Periods;

namespace DanVan.Domain.Reports.Document;

/// <summary>The period phrases templates use: {period.name}, {period.remainder}, {period.year}.</summary>
public static class PeriodText
{
    /// <summary>
    /// What is left after the period, for "nhiệm vụ … {period.remainder}": 6 tháng đầu năm 2021 → "6 tháng cuối năm
    /// 2021"; 9 tháng → "3 tháng cuối năm"; năm 2021 → "năm 2022"; a quarter → the next quarter; a month → the next month.
    /// </summary>
    public static string Remainder(PeriodCode code) => code.Kind switch
    {
        PeriodKind.HalfYear => $"6 tháng cuối năm {Year(code.Year)}",
        PeriodKind.NineMonths => $"3 tháng cuối năm {Year(code.Year)}",
        PeriodKind.Year => $"năm {Year(code.Year + 1)}",
        PeriodKind.Quarter => code.Number == 4
            ? new PeriodCode(code.Year + 1, PeriodKind.Quarter, 1).Name
            : new PeriodCode(code.Year, PeriodKind.Quarter, code.Number + 1).Name,
        PeriodKind.Month => code.Number == 12
            ? new PeriodCode(code.Year + 1, PeriodKind.Month, 1).Name
            : new PeriodCode(code.Year, PeriodKind.Month, code.Number + 1).Name,
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
