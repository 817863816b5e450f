using DanVan.Data;
using DanVan.Domain.Expressions;
using DanVan.Domain.Formatting;
using DanVan.Domain.Indicators;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Domain.Reports;
using DanVan.Domain.Rules;
using DanVan.Domain.Submissions;
using DanVan.Web.Features.Figures;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Services.Entry;

/// <summary>
/// Everything needed to show, check or change one (period, unit) submission, loaded in a few set-based queries.
/// </summary>
public sealed partial class SubmissionContext
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
        Numbering = OutlineNumbering.Of(sections);
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

    /// <summary>The outline's numbering ("II.3.a" and document order of each section key).</summary>
    public OutlineNumbering Numbering { get; }

    public IEnumerable<Indicator> Entered => Indicators.Where(i => !i.IsComputed);

    public IEnumerable<OutlineSection> NarrativeSections =>
        Sections.Where(s => s.WriterUnitId == Unit.Id).OrderBy(s => Numbering.Position(s.Key));

    /// <summary>
    /// Loads what one sheet needs and no more: the unit's own indicators, the rules over them, and the formulas its
    /// figures and rules can reach. Nothing here grows with the number of other units in the template.
    /// </summary>
    public static async Task<SubmissionContext?> LoadAsync(
        DanVanDbContext db, string periodCode, string unitCode, bool track, CancellationToken ct)
    {
        if (!PeriodCode.TryParse(periodCode, out var code) || unitCode.Length > 32) return null;
        var normalizedPeriod = code.ToString();
        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Code == normalizedPeriod, ct);
        var normalizedUnit = unitCode.ToUpperInvariant();
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == normalizedUnit && !u.IsAgency, ct);
        if (period is null || unit is null) return null;

        var submission = await LoadSubmissionAsync(db, period.Id, unit.Id, track, ct);
        // A unit has a sheet in the periods it takes part in (see Participation); one it already wrote in stays readable.
        if (submission is null && !await db.PeriodParticipants.AnyAsync(p => p.PeriodId == period.Id && p.UnitId == unit.Id, ct))
            return null;

        var templateId = period.TemplateId;
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.TemplateId == templateId && !i.IsRetired && i.UnitId == unit.Id).OrderBy(i => i.SortOrder).ToListAsync(ct);
        var codes = indicators.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Which rules concern only this unit's figures is decided on the (cached) parse of each rule's two sides;
        // only those rules are read in full.
        var ruleSides = await db.Rules.AsNoTracking()
            .Where(r => r.TemplateId == templateId && !r.IsRetired)
            .Select(r => new { r.Id, r.Left, r.Right })
            .ToListAsync(ct);
        var ruleIds = ruleSides
            .Where(r => ExpressionCache.CurrentCodes(r.Left).Concat(ExpressionCache.CurrentCodes(r.Right)).All(codes.Contains))
            .Select(r => r.Id)
            .ToList();
        var rules = ruleIds.Count == 0
            ? []
            : RuleEvaluator.ApplicableTo(
                await db.Rules.AsNoTracking().Where(r => ruleIds.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync(ct), codes).ToList();

        var formulas = await FormulasAsync(db, templateId, indicators, rules, ct);
        var sections = await db.OutlineSections.AsNoTracking().Where(s => s.TemplateId == templateId).ToListAsync(ct);

        // The period before by code, whichever unit supplied each figure then (it may be on an older template version).
        var previous = await PeriodFigures.PreviousAsync(db, period, ct);
        var previousValues = previous is null
            ? new Dictionary<string, decimal?>(StringComparer.OrdinalIgnoreCase)
            : PeriodFigures.Numbers(await PeriodFigures.EnteredAsync(db, previous, PreviousCodes(indicators, rules, formulas), ct));
        return new SubmissionContext(period, unit, submission, indicators, rules, sections, formulas, previous, previousValues);
    }

    /// <summary>
    /// The same sheet with its submission read again, e.g. right after a save: period, unit and template parts are
    /// those just used for the write.
    /// </summary>
    public async Task<SubmissionContext> ReloadSubmissionAsync(DanVanDbContext db, bool track, CancellationToken ct) =>
        new(Period, Unit, await LoadSubmissionAsync(db, Period.Id, Unit.Id, track, ct), Indicators, Rules, Sections, Formulas, Previous, PreviousValues);

    private static async Task<Submission?> LoadSubmissionAsync(DanVanDbContext db, int periodId, int unitId, bool track, CancellationToken ct)
    {
        var query = db.Submissions.Include(s => s.Values).Include(s => s.Narratives).Include(s => s.Explanations).AsSplitQuery();
        return await (track ? query : query.AsNoTracking()).SingleOrDefaultAsync(s => s.PeriodId == periodId && s.UnitId == unitId, ct);
    }

    /// <summary>
    /// Formulas of the unit's computed indicators plus, transitively, of every computed indicator they or the rules
    /// read (also through PREV or a message placeholder), whichever unit supplies it. Usually that is the unit's own.
    /// </summary>
    private static async Task<Dictionary<string, Expr>> FormulasAsync(
        DanVanDbContext db, int templateId, IReadOnlyList<Indicator> indicators, IReadOnlyList<ValidationRule> rules, CancellationToken ct)
    {
        var formulas = new Dictionary<string, Expr>(StringComparer.OrdinalIgnoreCase);
        var known = indicators.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var pending = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Reads(string text)
        {
            foreach (var c in ExpressionCache.CurrentCodes(text).Concat(ExpressionCache.PreviousCodes(text)))
            {
                if (!known.Contains(c)) pending.Add(c);
            }
        }

        foreach (var indicator in indicators.Where(i => i.IsComputed))
        {
            formulas[indicator.Code] = ExpressionCache.Parse(indicator.Formula!);
            Reads(indicator.Formula!);
        }
        foreach (var rule in rules)
        {
            Reads(rule.Left);
            Reads(rule.Right);
            foreach (var c in PlaceholderSyntax.Codes(rule.Message, ruleMessage: true))
            {
                if (!known.Contains(c)) pending.Add(c);
            }
        }
        while (pending.Count > 0)
        {
            var wanted = pending.ToList();
            known.UnionWith(wanted);
            pending.Clear();
            var others = await db.Indicators.AsNoTracking()
                .Where(i => i.TemplateId == templateId && !i.IsRetired && i.Formula != null && wanted.Contains(i.Code))
                .Select(i => new { i.Code, i.Formula })
                .ToListAsync(ct);
            foreach (var other in others)
            {
                formulas[other.Code] = ExpressionCache.Parse(other.Formula!);
                Reads(other.Formula!);
            }
        }
        return formulas;
    }

    /// <summary>The codes whose previous-period values the sheet can read: its own, and what PREV and formulas reach.</summary>
    private static List<string> PreviousCodes(
        IReadOnlyList<Indicator> indicators, IReadOnlyList<ValidationRule> rules, IReadOnlyDictionary<string, Expr> formulas)
    {
        var codes = indicators.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            codes.UnionWith(ExpressionCache.PreviousCodes(rule.Left));
            codes.UnionWith(ExpressionCache.PreviousCodes(rule.Right));
        }
        foreach (var formula in formulas.Values)
        {
            codes.UnionWith(formula.CurrentCodes());
            codes.UnionWith(formula.PreviousCodes());
        }
        return [.. codes];
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

}
