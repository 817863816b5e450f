using DanVan.Domain.Periods;

namespace DanVan.Domain.Comparisons;

/// <summary>
/// A period a figure can be compared with. Either a stored period (<see cref="Code"/>), or the second half of a year,
/// which is not stored and is derived for flows as the year minus its first half (<see cref="DerivedFrom"/>).
/// </summary>
public sealed record ComparablePeriod(PeriodCode? Code, string Name, (PeriodCode Whole, PeriodCode Minus)? DerivedFrom = null)
{
    public bool IsDerived => DerivedFrom is not null;

    public static ComparablePeriod Stored(PeriodCode code) => new(code, code.Name);

    public static ComparablePeriod SecondHalfOf(int year) =>
        new(null, $"6 tháng cuối năm {year}", (new PeriodCode(year, PeriodKind.Year), new PeriodCode(year, PeriodKind.HalfYear)));
}
