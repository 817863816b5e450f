using DanVan.Data;
using DanVan.Domain.Expressions;
using DanVan.Domain.Indicators;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Domain.Rules;
using DanVan.Domain.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Services.Entry;

/// <summary>One unit of a period, checked: its submission (if any), violated rules and blank required figures.</summary>
public sealed record UnitEvaluation(
    Unit Unit, Submission? Submission, IReadOnlyList<PeriodViolation> Violations, IReadOnlyList<Indicator> Missing);

/// <summary>
/// Every unit of a period checked against its rules with the one rule evaluator, from a few set-based queries: the
/// compiler's board, the validation API and the leaders' dashboard share it. Only the figures a unit supplies are
/// read (value unit = indicator unit), so the cost follows the template, not the size of the values table.
/// </summary>
public static class PeriodEvaluation
{
    public static async Task<IReadOnlyList<UnitEvaluation>> EvaluateAsync(
        DanVanDbContext db, ReportingPeriod period, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => !u.IsAgency && !u.IsRetired).OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct);
        var submissions = await db.Submissions.AsNoTracking().Include(s => s.Explanations)
            .Where(s => s.PeriodId == period.Id).ToDictionaryAsync(s => s.UnitId, ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.TemplateId == period.TemplateId && !i.IsRetired).OrderBy(i => i.SortOrder).ToListAsync(ct);
        var rules = await db.Rules.AsNoTracking().Where(r => r.TemplateId == period.TemplateId && !r.IsRetired).OrderBy(r => r.Id).ToListAsync(ct);

        var previous = PreviousPeriod.Of(period,
            await db.Periods.AsNoTracking().Where(x => x.CutoffTo == period.CutoffFrom.AddDays(-1)).ToListAsync(ct));
        var periodIds = previous is null ? new List<int> { period.Id } : [period.Id, previous.Id];
        var templateIds = previous is null ? new List<int> { period.TemplateId } : [period.TemplateId, previous.TemplateId];
        var values = await (
                from i in db.Indicators.AsNoTracking()
                join v in db.Values.AsNoTracking() on new { IndicatorId = i.Id, i.UnitId } equals new { v.IndicatorId, v.UnitId }
                where templateIds.Contains(i.TemplateId) && periodIds.Contains(v.PeriodId)
                select new { v.PeriodId, v.UnitId, i.Code, v.IndicatorId, v.Number, v.Text })
            .ToListAsync(ct);

        var formulas = indicators.Where(i => i.IsComputed)
            .ToDictionary(i => i.Code, i => ExpressionParser.Parse(i.Formula!), StringComparer.OrdinalIgnoreCase);
        var byUnit = values.ToLookup(v => (v.PeriodId, v.UnitId));
        var ownByUnit = indicators.ToLookup(i => i.UnitId);
        var result = new List<UnitEvaluation>(units.Count);
        foreach (var unit in units)
        {
            var own = ownByUnit[unit.Id].ToList();
            var submission = submissions.GetValueOrDefault(unit.Id);
            if (own.Count == 0)
            {
                result.Add(new UnitEvaluation(unit, submission, [], []));
                continue;
            }
            var current = byUnit[(period.Id, unit.Id)].ToList();
            var entered = current.ToDictionary(v => v.Code, v => v.Number, StringComparer.OrdinalIgnoreCase);
            IValueSource? before = null;
            if (previous is not null)
            {
                before = new ComputingValueSource(
                    byUnit[(previous.Id, unit.Id)].ToDictionary(v => v.Code, v => v.Number, StringComparer.OrdinalIgnoreCase), formulas);
            }
            var source = new ComputingValueSource(entered, formulas, before);
            var applicable = RuleEvaluator.ApplicableTo(rules, own.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase));
            var violations = RuleEvaluator.Evaluate(applicable, source)
                .Select(v => new PeriodViolation(unit.Code, v.RuleCode, v.Message, v.Severity,
                    submission?.Explanations.FirstOrDefault(e => e.RuleCode == v.RuleCode)?.Text))
                .ToList();
            var present = current.Where(v => v.Number is not null || v.Text is not null).Select(v => v.IndicatorId).ToHashSet();
            result.Add(new UnitEvaluation(unit, submission, violations, own.Where(i => i.IsRequired && !present.Contains(i.Id)).ToList()));
        }
        return result;
    }
}
