using DanVan.Domain.Indicators;

namespace DanVan.Domain.Comparisons;

/// <summary>
/// A figure against an earlier one: the difference in its own measure (for a rate, in percentage points) and, for
/// counts, the relative change in percent (none when the earlier value is 0).
/// </summary>
public sealed record FigureChange(decimal Current, decimal Earlier, decimal Difference, decimal? Percent, bool InPoints)
{
    public static FigureChange? Of(IndicatorNature nature, decimal? current, decimal? earlier)
    {
        if (nature == IndicatorNature.Descriptive || current is not { } now || earlier is not { } then) return null;
        var difference = now - then;
        var points = nature == IndicatorNature.Rate;
        decimal? percent = points || then == 0 ? null : difference * 100m / then;
        return new FigureChange(now, then, difference, percent, points);
    }

    public int Direction => Math.Sign(Difference);
}
