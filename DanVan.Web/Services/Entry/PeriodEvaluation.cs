using DanVan.Data;
using DanVan.Domain.Expressions;
using DanVan.Domain.Indicators;
using DanVan.Domain.Periods;
using DanVan.Domain.Rules;
using DanVan.Domain.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Services.Entry;

public sealed record UnitRef(int Id, string Code, string Name);

/// <summary>What the board and the dashboard need of a submission (not the entity: nothing here is changed).</summary>
public sealed record SubmissionState(
    SubmissionStatus Status, DateTimeOffset? SubmittedAt, string? LastChangedBy, DateTimeOffset? LastChangedAt,
    DateOnly? ReopenedUntil, bool IsLocked, IReadOnlyDictionary<string, string> Explanations);

/// <summary>One unit of a period, checked: its submission (if any), violated rules and blank required figures.</summary>
public sealed record UnitEvaluation(
    UnitRef Unit, SubmissionState? Submission, IReadOnlyList<PeriodViolation> Violations, IReadOnlyList<Indicator> Missing);

/// <summary>
/// Every unit of a period checked against its rules with the one rule evaluator, from a few set-based queries: the
/// compiler's board, the validation API and the leaders' dashboard share it. Only the figures a unit supplies are
/// read (value unit = indicator unit), so the cost follows the template, not the size of the values table.
/// </summary>
public static class PeriodEvaluation
{
    /// <param name="periods">Every period, when the caller has them (to find the previous one without a query).</param>
    /// <param name="indicators">The indicators of the period's and the previous period's templates, when the caller has them.</param>
    public static async Task<IReadOnlyList<UnitEvaluation>> EvaluateAsync(
        DanVanDbContext db, ReportingPeriod period, CancellationToken ct,
        IReadOnlyList<ReportingPeriod>? periods = null, IReadOnlyList<Indicator>? indicators = null)
    {
        // The period's units (its participants, and any unit holding a submission in it) with their submissions in
        // one query (a unit may have none yet). Whether a unit is retired today does not matter: see Participation.
        var rows = await (
                from u in db.Units.AsNoTracking()
                join s in db.Submissions.AsNoTracking().Where(s => s.PeriodId == period.Id) on u.Id equals s.UnitId into subs
                from s in subs.DefaultIfEmpty()
                where !u.IsAgency && (s != null || db.PeriodParticipants.Any(pp => pp.PeriodId == period.Id && pp.UnitId == u.Id))
                orderby u.SortOrder, u.Code
                select new
                {
                    Unit = new UnitRef(u.Id, u.Code, u.Name),
                    HasSubmission = s != null,
                    Status = s == null ? SubmissionStatus.NotStarted : s.Status,
                    SubmittedAt = s == null ? null : s.SubmittedAt,
                    LastChangedBy = s == null ? null : s.LastChangedBy,
                    LastChangedAt = s == null ? null : s.LastChangedAt,
                    ReopenedUntil = s == null ? null : s.ReopenedUntil,
                    IsLocked = s != null && s.IsLocked,
                })
            .ToListAsync(ct);
        var units = rows.Select(r => r.Unit).ToList();
        var explanations = (await (
                    from e in db.Explanations.AsNoTracking()
                    join s in db.Submissions.AsNoTracking() on e.SubmissionId equals s.Id
                    where s.PeriodId == period.Id
                    select new { s.UnitId, e.RuleCode, e.Text })
                .ToListAsync(ct))
            .ToLookup(e => e.UnitId);
        var states = rows.Where(r => r.HasSubmission).ToDictionary(r => r.Unit.Id, r => new SubmissionState(
            r.Status, r.SubmittedAt, r.LastChangedBy, r.LastChangedAt, r.ReopenedUntil, r.IsLocked,
            explanations[r.Unit.Id].ToDictionary(e => e.RuleCode, e => e.Text, StringComparer.Ordinal)));
        var rules = await db.Rules.AsNoTracking().Where(r => r.TemplateId == period.TemplateId && !r.IsRetired).OrderBy(r => r.Id).ToListAsync(ct);

        var previous = PreviousPeriod.Of(period, periods
            ?? await db.Periods.AsNoTracking().Where(x => x.CutoffTo == period.CutoffFrom.AddDays(-1)).ToListAsync(ct));
        var previousTemplate = previous?.TemplateId ?? period.TemplateId;
        var catalogue = indicators?.Where(i => i.TemplateId == period.TemplateId || i.TemplateId == previousTemplate).ToList()
            ?? await db.Indicators.AsNoTracking().Where(i => i.TemplateId == period.TemplateId || i.TemplateId == previousTemplate).ToListAsync(ct);
        var own = catalogue.Where(i => i.TemplateId == period.TemplateId && !i.IsRetired).OrderBy(i => i.SortOrder).ToList();
        var codeOf = catalogue.ToDictionary(i => i.Id, i => i.Code);
        var values = await OwnValuesAsync(db, period, previous, ct);

        var formulas = own.Where(i => i.IsComputed)
            .ToDictionary(i => i.Code, i => ExpressionParser.Parse(i.Formula!), StringComparer.OrdinalIgnoreCase);
        var byUnit = values.Where(v => codeOf.ContainsKey(v.IndicatorId)).ToLookup(v => (v.PeriodId, v.UnitId));
        var ownByUnit = own.ToLookup(i => i.UnitId);
        // The period before by code, whichever unit supplied each figure then (it may be on another template version).
        var before = previous is null
            ? null
            : new ComputingValueSource(Numbers(values.Where(v => v.PeriodId == previous.Id && codeOf.ContainsKey(v.IndicatorId)), codeOf), formulas);
        var result = new List<UnitEvaluation>(units.Count);
        foreach (var unit in units)
        {
            var supplied = ownByUnit[unit.Id].ToList();
            var state = states.GetValueOrDefault(unit.Id);
            if (supplied.Count == 0)
            {
                result.Add(new UnitEvaluation(unit, state, [], []));
                continue;
            }
            var current = byUnit[(period.Id, unit.Id)].ToList();
            var source = new ComputingValueSource(Numbers(current, codeOf), formulas, before);
            var applicable = RuleEvaluator.ApplicableTo(rules, supplied.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase));
            var violations = RuleEvaluator.Evaluate(applicable, source)
                .Select(v => new PeriodViolation(unit.Code, v.RuleCode, v.Message, v.Severity, state?.Explanations.GetValueOrDefault(v.RuleCode)))
                .ToList();
            var present = current.Where(v => v.Number is not null || v.Text is not null).Select(v => v.IndicatorId).ToHashSet();
            result.Add(new UnitEvaluation(unit, state, violations, supplied.Where(i => i.IsRequired && !present.Contains(i.Id)).ToList()));
        }
        return result;
    }

    private static Dictionary<string, decimal?> Numbers(IEnumerable<OwnValue> values, IReadOnlyDictionary<int, string> codeOf)
    {
        var numbers = new Dictionary<string, decimal?>(StringComparer.OrdinalIgnoreCase);
        foreach (var v in values) numbers[codeOf[v.IndicatorId]] = v.Number is { } n ? (decimal)n : null;
        return numbers;
    }

    /// <summary>One stored figure of a unit it supplies (the indicator's own unit).</summary>
    public sealed class OwnValue
    {
        public int PeriodId { get; init; }
        public int UnitId { get; init; }
        public int IndicatorId { get; init; }
        public double? Number { get; init; }
        public string? Text { get; init; }
    }

    /// <summary>
    /// The figures units supply in a period and the one before it: for each indicator of the templates, one lookup in
    /// the unique (period, unit, indicator) index. Written as SQL because the join order matters: SQLite keeps the left
    /// table of a CROSS JOIN as the outer loop (documented behaviour), whereas for the LINQ join it walks every value
    /// of the period (500 units × 100 indicators) to keep a few hundred. Standard SQL; SQL Server plans it itself.
    /// </summary>
    private static async Task<List<OwnValue>> OwnValuesAsync(DanVanDbContext db, ReportingPeriod period, ReportingPeriod? previous, CancellationToken ct)
    {
        var previousId = previous?.Id ?? period.Id;
        var previousTemplate = previous?.TemplateId ?? period.TemplateId;
        return await db.Database.SqlQuery<OwnValue>($"""
                SELECT v."PeriodId", v."UnitId", v."IndicatorId", CAST(v."Number" AS FLOAT) AS "Number", v."Text"
                FROM "Indicators" AS i CROSS JOIN "Values" AS v
                WHERE i."TemplateId" IN ({period.TemplateId}, {previousTemplate})
                  AND v."PeriodId" IN ({period.Id}, {previousId})
                  AND v."IndicatorId" = i."Id" AND v."UnitId" = i."UnitId"
                """)
            .ToListAsync(ct);
    }
}
