using DanVan.Data;
using DanVan.Domain.Indicators;
using DanVan.Domain.Periods;
using DanVan.Domain.Rules;
using DanVan.Domain.Submissions;
using DanVan.Web.Features.Figures;
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
/// compiler's board, the validation API and the leaders' dashboard share it. The figures come from the one loader,
/// <see cref="PeriodFigures"/>; each unit is judged on the figures it supplies, as on its own sheet.
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

        var own = (indicators?.Where(i => i.TemplateId == period.TemplateId).ToList()
                ?? await db.Indicators.AsNoTracking().Where(i => i.TemplateId == period.TemplateId).ToListAsync(ct))
            .Where(i => !i.IsRetired).OrderBy(i => i.SortOrder).ToList();
        var figures = await PeriodFigures.LoadAsync(db, period, ct, own, periods);
        var ownByUnit = own.ToLookup(i => i.UnitId);
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
            var codes = supplied.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var applicable = RuleEvaluator.ApplicableTo(rules, codes);
            var violations = RuleEvaluator.Evaluate(applicable, figures.ValuesOf(codes))
                .Select(v => new PeriodViolation(unit.Code, v.RuleCode, v.Message, v.Severity, state?.Explanations.GetValueOrDefault(v.RuleCode)))
                .ToList();
            result.Add(new UnitEvaluation(unit, state, violations, supplied.Where(i => i.IsRequired && !figures.IsGiven(i.Code)).ToList()));
        }
        return result;
    }
}
