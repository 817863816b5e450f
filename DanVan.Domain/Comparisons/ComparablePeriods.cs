using DanVan.Domain.Indicators;
using DanVan.Domain.Periods;

namespace DanVan.Domain.Comparisons;

/// <summary>
/// Which earlier periods a figure of a period may be compared with: flows only with periods of the same length, never
/// a half-year with a whole year; closing stocks with the end of the period before; text never.
/// </summary>
public static class ComparablePeriods
{
    /// <summary>The same period a year earlier (cùng kỳ), for every nature that compares at all.</summary>
    public static ComparablePeriod? YearEarlier(PeriodCode period, IndicatorNature nature) =>
        nature == IndicatorNature.Descriptive || period.Year <= PeriodCode.MinYear
            ? null
            : ComparablePeriod.Stored(new PeriodCode(period.Year - 1, period.Kind, period.Number));

    /// <summary>
    /// The preceding comparable period (kỳ trước): for flows, opening stocks and rates the period of the same length
    /// just before (a half-year's is the second half of the year before, derived); for a closing stock the period whose
    /// cut-off ends the day before this one begins, whatever its length (a stock at a date is a stock at a date).
    /// </summary>
    public static ComparablePeriod? Preceding(PeriodCode period, IndicatorNature nature)
    {
        if (nature == IndicatorNature.Descriptive || period.Year <= PeriodCode.MinYear) return null;
        return (period.Kind, nature) switch
        {
            (PeriodKind.HalfYear, IndicatorNature.ClosingStock) => ComparablePeriod.Stored(new PeriodCode(period.Year - 1, PeriodKind.Year)),
            (PeriodKind.HalfYear, IndicatorNature.Flow) => ComparablePeriod.SecondHalfOf(period.Year - 1),
            (PeriodKind.HalfYear, _) => null, // a derived half has no opening stock or rate of its own
            (PeriodKind.NineMonths, IndicatorNature.ClosingStock) => ComparablePeriod.Stored(new PeriodCode(period.Year, PeriodKind.HalfYear)),
            (PeriodKind.NineMonths, _) => null, // no nine months precede nine months
            (PeriodKind.Year, _) => ComparablePeriod.Stored(new PeriodCode(period.Year - 1, PeriodKind.Year)),
            (PeriodKind.Quarter, _) => ComparablePeriod.Stored(period.Number == 1
                ? new PeriodCode(period.Year - 1, PeriodKind.Quarter, 4)
                : new PeriodCode(period.Year, PeriodKind.Quarter, period.Number - 1)),
            (PeriodKind.Month, _) => ComparablePeriod.Stored(period.Number == 1
                ? new PeriodCode(period.Year - 1, PeriodKind.Month, 12)
                : new PeriodCode(period.Year, PeriodKind.Month, period.Number - 1)),
            _ => null,
        };
    }

    /// <summary>
    /// The value of a figure in a comparable period, from the stored figures by period: a stored period's own value,
    /// or for a derived half the year minus its first half (flows only). Null when it cannot be known.
    /// </summary>
    public static decimal? ValueIn(ComparablePeriod comparable, Func<PeriodCode, decimal?> stored)
    {
        if (comparable.Code is { } code) return stored(code);
        var (whole, minus) = comparable.DerivedFrom!.Value;
        return stored(whole) is { } year && stored(minus) is { } firstHalf ? year - firstHalf : null;
    }
}
