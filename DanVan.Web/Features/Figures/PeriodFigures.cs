using DanVan.Data;
using DanVan.Domain.Expressions;
using DanVan.Domain.Indicators;
using DanVan.Domain.Periods;
using DanVan.Domain.Reports.Document;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Features.Figures;

/// <summary>
/// The one loader of "the figures of a period" (see <see cref="PeriodFigureSet"/>): the report, the rule dry run and
/// the entry sheet's previous-period figures read through it. A stored value counts only when its unit is the
/// indicator's supplier in that period's template version, and figures are keyed by code, never by indicator row,
/// so that a period on an older template version still lines up.
/// </summary>
public static class PeriodFigures
{
    /// <param name="indicators">The period's template indicators when the caller has them loaded already.</param>
    public static async Task<PeriodFigureSet> LoadAsync(
        DanVanDbContext db, ReportingPeriod period, CancellationToken ct, IReadOnlyList<Indicator>? indicators = null)
    {
        indicators ??= await db.Indicators.AsNoTracking().Where(i => i.TemplateId == period.TemplateId).ToListAsync(ct);
        var previous = await PreviousAsync(db, period, ct);
        return new PeriodFigureSet(
            period,
            await EnteredAsync(db, period, null, ct),
            FormulasOf(indicators),
            previous,
            previous is null ? new Dictionary<string, decimal?>() : Numbers(await EnteredAsync(db, previous, null, ct)));
    }

    /// <summary>The period immediately before (by cut-off), if it exists.</summary>
    public static async Task<ReportingPeriod?> PreviousAsync(DanVanDbContext db, ReportingPeriod period, CancellationToken ct) =>
        PreviousPeriod.Of(period, await db.Periods.AsNoTracking().Where(p => p.CutoffTo == period.CutoffFrom.AddDays(-1)).ToListAsync(ct));

    /// <summary>A period's entered figures by code; only the given codes when <paramref name="codes"/> is set.</summary>
    public static async Task<Dictionary<string, FigureInput>> EnteredAsync(
        DanVanDbContext db, ReportingPeriod period, IReadOnlyCollection<string>? codes, CancellationToken ct)
    {
        var query =
            from i in db.Indicators.AsNoTracking()
            join v in db.Values.AsNoTracking() on new { IndicatorId = i.Id, i.UnitId } equals new { v.IndicatorId, v.UnitId }
            where i.TemplateId == period.TemplateId && v.PeriodId == period.Id
            select new { i.Code, v.Number, v.Text };
        if (codes is not null)
        {
            var wanted = codes.ToList();
            query = query.Where(r => wanted.Contains(r.Code));
        }
        var figures = new Dictionary<string, FigureInput>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in await query.ToListAsync(ct)) figures[row.Code] = new FigureInput(row.Number, row.Text);
        return figures;
    }

    /// <summary>The parsed formulas of the computed indicators, by code.</summary>
    public static Dictionary<string, Expr> FormulasOf(IEnumerable<Indicator> indicators) =>
        indicators.Where(i => i.IsComputed).ToDictionary(i => i.Code, i => ExpressionParser.Parse(i.Formula!), StringComparer.OrdinalIgnoreCase);

    public static Dictionary<string, decimal?> Numbers(IReadOnlyDictionary<string, FigureInput> entered) =>
        entered.ToDictionary(e => e.Key, e => e.Value.Number, StringComparer.OrdinalIgnoreCase);
}
