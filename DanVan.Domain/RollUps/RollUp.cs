using DanVan.Domain.Expressions;
using DanVan.Domain.Indicators;
using DanVan.Domain.Periods;

namespace DanVan.Domain.RollUps;

/// <summary>
/// How each nature of figure adds up over consecutive shorter periods (given in order, all of them): flows are summed
/// (every part needed), an opening stock is the first part's, a closing stock and text or yes/no the last part's;
/// rates are never added up (recomputed by their formula).
/// </summary>
public static class RollUp
{
    public static RolledUpFigure Figure(IndicatorNature nature, IReadOnlyList<(PeriodCode Period, decimal? Value)> parts)
    {
        if (parts.Count == 0 || nature == IndicatorNature.Rate) return RolledUpFigure.None;
        return nature switch
        {
            IndicatorNature.Flow => Sum(parts),
            IndicatorNature.OpeningStock => One(parts[0]),
            _ => One(parts[^1]),
        };
    }

    /// <summary>
    /// Totals defined as sums of other figures (a rule “HS.SO.TONG = HS.SO.KYTRUOC + HS.SO.MOI”) recomputed from the
    /// rolled-up parts, replacing whatever adding the total up month by month gave.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal?> RecomputeTotals(
        IReadOnlyDictionary<string, decimal?> rolled, IReadOnlyDictionary<string, Expr> totals)
    {
        var result = new Dictionary<string, decimal?>(rolled, StringComparer.OrdinalIgnoreCase);
        var source = new DictionarySource(rolled);
        foreach (var (code, definition) in totals) result[code] = definition.Evaluate(source);
        return result;
    }

    private static RolledUpFigure Sum(IReadOnlyList<(PeriodCode Period, decimal? Value)> parts)
    {
        var missing = parts.Where(p => p.Value is null).Select(p => p.Period).ToList();
        var used = parts.Select(p => p.Period).ToList();
        return missing.Count > 0 ? new RolledUpFigure(null, used, missing) : new RolledUpFigure(parts.Sum(p => p.Value!.Value), used, []);
    }

    private static RolledUpFigure One((PeriodCode Period, decimal? Value) part) =>
        new(part.Value, [part.Period], part.Value is null ? [part.Period] : []);

    private sealed class DictionarySource(IReadOnlyDictionary<string, decimal?> values) : IValueSource
    {
        public decimal? Current(string code) => values.TryGetValue(code, out var v) ? v : null;

        public decimal? Previous(string code) => null;
    }
}
