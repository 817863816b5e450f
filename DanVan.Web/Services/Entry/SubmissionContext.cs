using DanVan.Data;
using DanVan.Domain.Expressions;
using DanVan.Domain.Formatting;
using DanVan.Domain.Indicators;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Domain.Reports;
using DanVan.Domain.Rules;
using DanVan.Domain.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Services.Entry;

/// <summary>
/// Everything needed to show, check or change one (period, unit) submission, loaded in a few set-based queries.
/// </summary>
public sealed class SubmissionContext
{
    private SubmissionContext(
        ReportingPeriod period, Unit unit, Submission? submission, IReadOnlyList<Indicator> indicators,
        IReadOnlyList<ValidationRule> rules, IReadOnlyList<OutlineSection> sections,
        IReadOnlyDictionary<string, Expr> formulas, ReportingPeriod? previous, IReadOnlyDictionary<string, decimal?> previousValues)
    {
        Period = period;
        Unit = unit;
        Submission = submission;
        Indicators = indicators;
        Rules = rules;
        Sections = sections;
        Formulas = formulas;
        Previous = previous;
        PreviousValues = previousValues;
        Labels = NumberSections(sections);
    }

    public ReportingPeriod Period { get; }
    public Unit Unit { get; }
    public Submission? Submission { get; private set; }

    /// <summary>The indicators this unit supplies in the period's template version, in report order.</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>The rules that concern only this unit's figures.</summary>
    public IReadOnlyList<ValidationRule> Rules { get; }

    public IReadOnlyList<OutlineSection> Sections { get; }
    public IReadOnlyDictionary<string, Expr> Formulas { get; }
    public ReportingPeriod? Previous { get; }
    public IReadOnlyDictionary<string, decimal?> PreviousValues { get; }

    /// <summary>"II.3.a" for each section key, derived from the outline.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    public IEnumerable<Indicator> Entered => Indicators.Where(i => !i.IsComputed);

    public IEnumerable<OutlineSection> NarrativeSections =>
        Sections.Where(s => s.WriterUnitId == Unit.Id).OrderBy(s => Labels.Keys.ToList().IndexOf(s.Key));

    public static async Task<SubmissionContext?> LoadAsync(
        DanVanDbContext db, string periodCode, string unitCode, bool track, CancellationToken ct)
    {
        if (!PeriodCode.TryParse(periodCode, out var code) || unitCode.Length > 32) return null;
        var normalizedPeriod = code.ToString();
        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Code == normalizedPeriod, ct);
        var normalizedUnit = unitCode.ToUpperInvariant();
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == normalizedUnit && !u.IsAgency, ct);
        if (period is null || unit is null) return null;

        var query = db.Submissions.Include(s => s.Values).Include(s => s.Narratives).Include(s => s.Explanations).AsSplitQuery();
        var submission = await (track ? query : query.AsNoTracking())
            .SingleOrDefaultAsync(s => s.PeriodId == period.Id && s.UnitId == unit.Id, ct);

        var allIndicators = await db.Indicators.AsNoTracking()
            .Where(i => i.TemplateId == period.TemplateId && !i.IsRetired).OrderBy(i => i.SortOrder).ToListAsync(ct);
        var indicators = allIndicators.Where(i => i.UnitId == unit.Id).ToList();
        var formulas = allIndicators.Where(i => i.IsComputed)
            .ToDictionary(i => i.Code, i => ExpressionParser.Parse(i.Formula!), StringComparer.OrdinalIgnoreCase);
        var codes = indicators.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rules = RuleEvaluator.ApplicableTo(
            await db.Rules.AsNoTracking().Where(r => r.TemplateId == period.TemplateId).OrderBy(r => r.Id).ToListAsync(ct), codes).ToList();
        var sections = await db.OutlineSections.AsNoTracking().Where(s => s.TemplateId == period.TemplateId).ToListAsync(ct);

        var candidates = await db.Periods.AsNoTracking().Where(p => p.CutoffTo == period.CutoffFrom.AddDays(-1)).ToListAsync(ct);
        var previous = PreviousPeriod.Of(period, candidates);
        var previousValues = new Dictionary<string, decimal?>(StringComparer.OrdinalIgnoreCase);
        if (previous is not null)
        {
            var rows = await (
                    from v in db.Values.AsNoTracking()
                    join i in db.Indicators.AsNoTracking() on v.IndicatorId equals i.Id
                    where v.PeriodId == previous.Id && v.UnitId == unit.Id
                    select new { i.Code, v.Number })
                .ToListAsync(ct);
            foreach (var row in rows) previousValues[row.Code] = row.Number;
        }
        return new SubmissionContext(period, unit, submission, indicators, rules, sections, formulas, previous, previousValues);
    }

    public Submission EnsureSubmission(DanVanDbContext db)
    {
        if (Submission is not null) return Submission;
        Submission = Submission.Start(Period.Id, Unit.Id);
        db.Submissions.Add(Submission);
        return Submission;
    }

    /// <summary>Carried-over figures: a rule "CODE = PREV(OTHER)" prefills CODE from OTHER of the previous period.</summary>
    public IReadOnlyDictionary<string, decimal> Prefills()
    {
        var result = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in Rules.Where(r => r.Operator == RuleOperator.Equal))
        {
            if (rule.LeftExpr is CodeExpr target && rule.RightExpr is PreviousExpr source
                && PreviousValues.TryGetValue(source.Code, out var value) && value is { } v)
            {
                result[target.Code] = v;
            }
        }
        return result;
    }

    public IValueSource ValueSource(IReadOnlyDictionary<string, decimal?> entered) =>
        new ComputingValueSource(entered, Formulas,
            Previous is null ? null : new ComputingValueSource(PreviousValues, Formulas));

    public Dictionary<string, decimal?> StoredNumbers() =>
        Entered.ToDictionary(i => i.Code, i => Submission?.ValueOf(i.Id)?.Number, StringComparer.OrdinalIgnoreCase);

    public string InputOf(Indicator indicator)
    {
        var value = Submission?.ValueOf(indicator.Id);
        return value is null ? "" : VietnameseNumberParser.ToInput(value.Number, value.Text, indicator.Kind);
    }

    private static Dictionary<string, string> NumberSections(IReadOnlyList<OutlineSection> sections)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(null, 0, "");
        return labels;

        void Walk(string? parentKey, int depth, string prefix)
        {
            var number = 0;
            foreach (var section in sections.Where(s => s.ParentKey == parentKey).OrderBy(s => s.Order))
            {
                number++;
                var part = depth switch
                {
                    0 => ListLabels.Roman(number),
                    1 => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => ListLabels.Letter(number),
                };
                var label = prefix.Length == 0 ? part : prefix + "." + part;
                labels[section.Key] = label;
                Walk(section.Key, depth + 1, label);
            }
        }
    }
}
