using DanVan.Domain.Periods;

namespace DanVan.Domain.RollUps;

/// <summary>
/// Which shorter periods make up a longer one under Nghị định 09/2019: M01…M06 (or Q1+Q2) are the first half, M01…M09
/// the nine months, M01…M12 the year; a quarter is its three months. The cut-off dates fit exactly (M01 of 2027 starts
/// on 15/12/2026, the year's cut-off start).
/// </summary>
public static class PeriodComposition
{
    public static IReadOnlyList<PeriodCode> MonthsOf(PeriodCode period) => period.Kind switch
    {
        PeriodKind.HalfYear => Months(period.Year, 1, 6),
        PeriodKind.NineMonths => Months(period.Year, 1, 9),
        PeriodKind.Year => Months(period.Year, 1, 12),
        PeriodKind.Quarter => Months(period.Year, period.Number * 3 - 2, period.Number * 3),
        _ => [],
    };

    public static IReadOnlyList<PeriodCode> QuartersOf(PeriodCode period) => period.Kind switch
    {
        PeriodKind.HalfYear => Quarters(period.Year, 2),
        PeriodKind.NineMonths => Quarters(period.Year, 3),
        PeriodKind.Year => Quarters(period.Year, 4),
        _ => [],
    };

    private static List<PeriodCode> Months(int year, int from, int to) =>
        [.. Enumerable.Range(from, to - from + 1).Select(m => new PeriodCode(year, PeriodKind.Month, m))];

    private static List<PeriodCode> Quarters(int year, int count) =>
        [.. Enumerable.Range(1, count).Select(q => new PeriodCode(year, PeriodKind.Quarter, q))];
}
