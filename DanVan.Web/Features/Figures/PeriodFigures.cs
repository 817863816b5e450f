using System.Globalization;
using DanVan.Data;
using DanVan.Domain.Expressions;
using DanVan.Domain.Indicators;
using DanVan.Domain.Periods;
using DanVan.Domain.Reports.Document;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Features.Figures;

/// <summary>
/// The one loader of "the figures of a period" (see <see cref="PeriodFigureSet"/>): the entry sheet's previous-period
/// figures, the compiler's board and validation (<c>PeriodEvaluation</c>), the report, the leaders' dashboard and the
/// rule dry run read through it. A stored value counts only when its unit is the indicator's supplier in that period's
/// template version, and figures are keyed by code, never by indicator row, so that a period on an older template
/// version still lines up.
/// </summary>
public static class PeriodFigures
{
    /// <param name="indicators">The period's template indicators when the caller has them loaded already.</param>
    /// <param name="periods">Every period, when the caller has them (to find the previous one without a query).</param>
    public static async Task<PeriodFigureSet> LoadAsync(
        DanVanDbContext db, ReportingPeriod period, CancellationToken ct,
        IReadOnlyList<Indicator>? indicators = null, IReadOnlyList<ReportingPeriod>? periods = null)
    {
        indicators ??= await db.Indicators.AsNoTracking().Where(i => i.TemplateId == period.TemplateId).ToListAsync(ct);
        var previous = periods is null ? await PreviousAsync(db, period, ct) : PreviousPeriod.Of(period, periods);
        var entered = await EnteredAsync(db, [period, previous], ct);
        return new PeriodFigureSet(
            period,
            entered[period.Id],
            FormulasOf(indicators.Where(i => i.TemplateId == period.TemplateId)),
            previous,
            previous is null ? new Dictionary<string, decimal?>() : Numbers(entered[previous.Id]));
    }

    /// <summary>The period immediately before (by cut-off), if it exists.</summary>
    public static async Task<ReportingPeriod?> PreviousAsync(DanVanDbContext db, ReportingPeriod period, CancellationToken ct) =>
        PreviousPeriod.Of(period, await db.Periods.AsNoTracking().Where(p => p.CutoffTo == period.CutoffFrom.AddDays(-1)).ToListAsync(ct));

    /// <summary>A period's entered figures by code; only the given codes when <paramref name="codes"/> is set.</summary>
    public static async Task<Dictionary<string, FigureInput>> EnteredAsync(
        DanVanDbContext db, ReportingPeriod period, IReadOnlyCollection<string>? codes, CancellationToken ct)
    {
        var entered = (await EnteredAsync(db, [period], ct))[period.Id];
        if (codes is null) return entered;
        var wanted = codes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return entered.Where(e => wanted.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The entered figures of several periods by code, from one query: for each indicator of each period's template,
    /// one lookup of its supplier's value in the unique (period, unit, indicator) index. Written as SQL because the
    /// join order matters: SQLite keeps the left table of a CROSS JOIN as the outer loop (documented behaviour),
    /// whereas for the LINQ join it walks every value of the period (500 units × 100 indicators) to keep a few
    /// hundred. Standard SQL; SQL Server plans it itself. The ids are integers written invariantly, never user text.
    /// </summary>
    /// <returns>Every given period's figures (empty when it has none); null periods are skipped.</returns>
    public static async Task<Dictionary<int, Dictionary<string, FigureInput>>> EnteredAsync(
        DanVanDbContext db, IEnumerable<ReportingPeriod?> periods, CancellationToken ct)
    {
        var result = periods.OfType<ReportingPeriod>().DistinctBy(p => p.Id)
            .ToDictionary(p => p.Id, _ => new Dictionary<string, FigureInput>(StringComparer.OrdinalIgnoreCase));
        if (result.Count == 0) return result;
        var ids = string.Join(", ", result.Keys.Select(id => id.ToString(CultureInfo.InvariantCulture)));
#pragma warning disable EF1002 // only integer ids are interpolated
        var rows = await db.Database.SqlQueryRaw<EnteredRow>($"""
                SELECT v."PeriodId", i."Code", v."Number", v."Text"
                FROM "Periods" AS p CROSS JOIN "Indicators" AS i CROSS JOIN "Values" AS v
                WHERE p."Id" IN ({ids}) AND i."TemplateId" = p."TemplateId"
                  AND v."PeriodId" = p."Id" AND v."IndicatorId" = i."Id" AND v."UnitId" = i."UnitId"
                """)
            .ToListAsync(ct);
#pragma warning restore EF1002
        foreach (var row in rows) result[row.PeriodId][row.Code] = new FigureInput(row.Number, row.Text);
        return result;
    }

    /// <summary>The parsed formulas of the computed indicators, by code.</summary>
    public static Dictionary<string, Expr> FormulasOf(IEnumerable<Indicator> indicators) =>
        indicators.Where(i => i.IsComputed).ToDictionary(i => i.Code, i => ExpressionParser.Parse(i.Formula!), StringComparer.OrdinalIgnoreCase);

    public static Dictionary<string, decimal?> Numbers(IReadOnlyDictionary<string, FigureInput> entered) =>
        entered.ToDictionary(e => e.Key, e => e.Value.Number, StringComparer.OrdinalIgnoreCase);

    /// <summary>One stored figure of a period, by the code of the indicator its supplier entered it for.</summary>
    private sealed class EnteredRow
    {
        public int PeriodId { get; init; }
        public string Code { get; init; } = "";
        public decimal? Number { get; init; }
        public string? Text { get; init; }
    }
}
