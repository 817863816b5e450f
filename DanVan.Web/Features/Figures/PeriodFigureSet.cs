using DanVan.Domain.Expressions;
using DanVan.Domain.Periods;
using DanVan.Domain.Reports.Document;

namespace DanVan.Web.Features.Figures;

/// <summary>
/// The figures of one period, by indicator code: what was entered (by each figure's supplier, in the period's own
/// template version), the formulas of its computed indicators, and the period before it with its entered figures by
/// code (whatever template version and supplier it had). <see cref="Values"/> computes the rest on demand, PREV included.
/// </summary>
public sealed record PeriodFigureSet(
    ReportingPeriod Period,
    IReadOnlyDictionary<string, FigureInput> Entered,
    IReadOnlyDictionary<string, Expr> Formulas,
    ReportingPeriod? Previous,
    IReadOnlyDictionary<string, decimal?> PreviousEntered)
{
    /// <summary>The entered numbers by code (text figures have none).</summary>
    public IReadOnlyDictionary<string, decimal?> Numbers =>
        Entered.ToDictionary(e => e.Key, e => e.Value.Number, StringComparer.OrdinalIgnoreCase);

    /// <summary>The previous period's figures with this period's formulas, or null when there is no previous period.</summary>
    public IValueSource? PreviousValues => Previous is null ? null : new ComputingValueSource(PreviousEntered, Formulas);

    /// <summary>Entered and computed figures of the period; PREV(CODE) reads <see cref="PreviousValues"/>.</summary>
    public IValueSource Values => new ComputingValueSource(Numbers, Formulas, PreviousValues);

    /// <summary>
    /// What one unit's sheet holds: only the figures of <paramref name="supplied"/> (the codes the unit supplies), with
    /// the period's formulas and the whole previous period. This is how the entry sheet, the board and the rule dry
    /// run judge a unit's rules.
    /// </summary>
    public IValueSource ValuesOf(IReadOnlySet<string> supplied) => new ComputingValueSource(
        Entered.Where(e => supplied.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value.Number, StringComparer.OrdinalIgnoreCase),
        Formulas, PreviousValues);

    /// <summary>Whether the unit's supplier gave the figure (a number or a text; blank is not given).</summary>
    public bool IsGiven(string code) => Entered.TryGetValue(code, out var f) && (f.Number is not null || f.Text is not null);
}
