using DanVan.Domain.Common;
using System.Linq.Expressions;
using DanVan.Data;
using DanVan.Domain.Expressions;
using DanVan.Domain.Formatting;
using DanVan.Domain.Indicators;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Domain.Rules;
using DanVan.Domain.Reports.Document;
using DanVan.Domain.Submissions;
using DanVan.Web.Features.Figures;
using DanVan.Web.Services.Entry;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Services.Dashboard;

/// <summary>
/// The leaders' dashboard: one query service for the page, the print view, the unit drill-down and
/// GET /api/v1/periods/{period}/dashboard. Set-based: the figures of every period it shows come from one query of the
/// one loader (<see cref="PeriodFigures"/>), submissions from one grouped count and one narrow projection,
/// and the data-quality check reads only the figures each unit supplies (<see cref="PeriodEvaluation"/>). The number
/// of queries does not grow with the number of units or periods. Access is checked by the callers.
/// </summary>
public sealed class DashboardService(DanVanDbContext db, TimeProvider clock, DashboardFiguresCache cache)
{
    public const string Latest = "latest";
    private const int MissingNamesShown = 6;

    private static DashboardDefinition Definition => DashboardDefinition.Default;

    private DateOnly Today => VietnamTime.Today(clock);

    /// <summary>The office-wide dashboard, or null when the period does not exist.</summary>
    /// <param name="fresh">Sum the figures even when the cache holds them (benchmarks, diagnostics).</param>
    public async Task<DashboardModel?> OfficeAsync(string? periodCode, CancellationToken ct, bool fresh = false)
    {
        var scope = await LoadPeriodsAsync(periodCode, ct);
        if (scope is null) return null;

        var catalogue = await CatalogueAsync(scope, ct);
        var figures = await OfficeFiguresAsync(scope, catalogue, fresh, ct);
        var sources = Sources(scope, catalogue, figures);

        var lateSent = await LateSentAsync(scope, ct);
        var evaluation = await PeriodEvaluation.EvaluateAsync(db, scope.Chosen, ct, scope.All, catalogue.Indicators);
        var units = evaluation.Count;

        var charts = Charts(Definition.Charts, scope, sources).Append(CompletenessChart(scope, lateSent)).ToList();
        var statuses = evaluation.Select(e => Status(scope.Chosen, e)).ToList();
        var (sent, accepted) = scope.Counts(scope.Chosen.Id);
        return new DashboardModel(
            Describe(scope.Chosen), DescribeOrNull(scope.Previous), DescribeOrNull(scope.YearEarlier),
            scope.All.OrderByDescending(p => p.CutoffTo).ThenByDescending(p => p.CutoffFrom).Select(Describe).ToList(),
            scope.Window.Select(Describe).ToList(),
            OpenPeriods(scope),
            units, sent, accepted,
            Cards(Definition.Cards, scope, sources),
            charts,
            statuses,
            Quality(scope.Chosen, evaluation),
            scope.Relevant.Any(p => p.IsIllustrative));
    }

    /// <summary>One unit's figures over the periods, or null when the unit or the period does not exist.</summary>
    public async Task<UnitDashboardModel?> UnitAsync(string unitCode, string? periodCode, CancellationToken ct)
    {
        var unit = await FindUnitAsync(unitCode, ct);
        if (unit is null) return null;
        var scope = await LoadPeriodsAsync(periodCode, ct);
        if (scope is null) return null;

        var catalogue = await CatalogueAsync(scope, ct);
        var entered = await PeriodFigures.EnteredAsync(db, scope.Relevant, ct);
        var figures = scope.Relevant.ToDictionary(p => p.Id, p => catalogue.Shown(p, entered[p.Id], unit.Id));
        var sources = Sources(scope, catalogue, figures);

        var own = catalogue.Indicators.Where(i => i.TemplateId == scope.Chosen.TemplateId && i.UnitId == unit.Id && i.Kind != ValueKind.Text)
            .OrderBy(i => i.SortOrder).ToList();
        var ownCodes = own.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool Owned(IEnumerable<Expr> expressions)
        {
            var codes = catalogue.EnteredCodes(expressions.SelectMany(e => e.CurrentCodes()));
            return codes.Count > 0 && codes.All(ownCodes.Contains);
        }

        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => s.UnitId == unit.Id && scope.WindowIds.Contains(s.PeriodId))
            .Select(s => new { s.PeriodId, s.Status, s.SubmittedAt })
            .ToListAsync(ct);

        var tableFigures = own.Select(i => new UnitFigure(
            i.Code, i.Name, KindName(i.Kind), i.Measure, i.IsComputed,
            scope.Window.Select(p => Round(sources[p.Id].Current(i.Code), i.Kind == ValueKind.Percent ? FigureKind.Percent : FigureKind.Count)).ToList()))
            .ToList();
        var takesPart = (await db.PeriodParticipants.AsNoTracking()
                .Where(pp => pp.UnitId == unit.Id && scope.WindowIds.Contains(pp.PeriodId)).Select(pp => pp.PeriodId).ToListAsync(ct))
            .Concat(submissions.Select(s => s.PeriodId)).ToHashSet();
        var unitSubmissions = scope.Window.Where(p => takesPart.Contains(p.Id)).Select(p =>
        {
            var s = submissions.FirstOrDefault(x => x.PeriodId == p.Id);
            var status = s?.Status ?? SubmissionStatus.NotStarted;
            return new UnitSubmission(Describe(p), StatusName(status), status.Vietnamese(), Local(s?.SubmittedAt),
                DaysLate(p, status, s?.SubmittedAt), EntryLink(p.Code, unit.Code));
        }).Reverse().ToList();

        return new UnitDashboardModel(
            unit.Code, unit.Name,
            Describe(scope.Chosen), DescribeOrNull(scope.Previous), DescribeOrNull(scope.YearEarlier),
            scope.All.OrderByDescending(p => p.CutoffTo).ThenByDescending(p => p.CutoffFrom).Select(Describe).ToList(),
            scope.Window.Select(Describe).ToList(),
            Cards(Definition.Cards.Where(c => Owned([c.Expression])), scope, sources),
            Charts(Definition.Charts.Where(c => Owned(c.Series.SelectMany(s => s.Expressions))), scope, sources).ToList(),
            tableFigures,
            unitSubmissions,
            scope.Relevant.Any(p => p.IsIllustrative));
    }

    /// <summary>The unit a code names (units that supply figures, not the agency), or null.</summary>
    public async Task<Unit?> FindUnitAsync(string unitCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(unitCode) || unitCode.Length > 32) return null;
        var code = unitCode.Trim().ToUpperInvariant();
        return await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code && !u.IsAgency, ct);
    }

    // ---- periods ---------------------------------------------------------------------------------------------------

    private sealed class PeriodScope(
        IReadOnlyList<ReportingPeriod> all, ReportingPeriod chosen, ReportingPeriod? previous, ReportingPeriod? yearEarlier,
        IReadOnlyList<ReportingPeriod> window, ILookup<int, (SubmissionStatus Status, int Count)> counts,
        IReadOnlyDictionary<int, int> participants)
    {
        public IReadOnlyList<ReportingPeriod> All { get; } = all;
        public ReportingPeriod Chosen { get; } = chosen;
        public ReportingPeriod? Previous { get; } = previous;
        public ReportingPeriod? YearEarlier { get; } = yearEarlier;

        /// <summary>The chart axis: the chosen period and those before it, oldest first.</summary>
        public IReadOnlyList<ReportingPeriod> Window { get; } = window;

        public List<int> WindowIds { get; } = window.Select(p => p.Id).ToList();

        /// <summary>Every period whose figures are read: the window, the previous period, the same period a year earlier.</summary>
        public IReadOnlyList<ReportingPeriod> Relevant { get; } =
            window.Append(previous).Append(yearEarlier).OfType<ReportingPeriod>().DistinctBy(p => p.Id).ToList();

        /// <summary>How many units take part in a period (its participants; see Participation).</summary>
        public int Units(int periodId) => Math.Max(participants.GetValueOrDefault(periodId), counts[periodId].Sum(c => c.Count));

        public (int Sent, int Accepted) Counts(int periodId)
        {
            var rows = counts[periodId].ToList();
            return (rows.Where(r => r.Status is SubmissionStatus.Submitted or SubmissionStatus.Accepted).Sum(r => r.Count),
                rows.Where(r => r.Status == SubmissionStatus.Accepted).Sum(r => r.Count));
        }
    }

    /// <summary>
    /// Resolves the period (default and "latest": the newest period any unit has sent figures for, else the newest
    /// period) and its neighbours, from two small queries.
    /// </summary>
    private async Task<PeriodScope?> LoadPeriodsAsync(string? periodCode, CancellationToken ct)
    {
        var periods = await db.Periods.AsNoTracking().ToListAsync(ct);
        var ordered = periods.OrderBy(p => p.CutoffTo).ThenBy(p => p.CutoffFrom).ToList();
        var counts = (await db.Submissions.AsNoTracking()
                .GroupBy(s => new { s.PeriodId, s.Status })
                .Select(g => new { g.Key.PeriodId, g.Key.Status, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(c => c.PeriodId, c => (c.Status, c.Count));
        var participants = await db.PeriodParticipants.AsNoTracking()
            .GroupBy(p => p.PeriodId).Select(g => new { PeriodId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.PeriodId, g => g.Count, ct);

        ReportingPeriod? chosen;
        if (string.IsNullOrWhiteSpace(periodCode) || string.Equals(periodCode, Latest, StringComparison.OrdinalIgnoreCase))
        {
            chosen = ordered.LastOrDefault(p => counts[p.Id].Any(c => c.Status is SubmissionStatus.Submitted or SubmissionStatus.Accepted))
                ?? ordered.LastOrDefault();
        }
        else
        {
            if (!PeriodCode.TryParse(periodCode, out var code)) return null;
            var normalized = code.ToString();
            chosen = ordered.SingleOrDefault(p => p.Code == normalized);
        }
        if (chosen is null) return null;

        var previous = PreviousPeriod.Of(chosen, ordered);
        var yearEarlier = ordered.SingleOrDefault(p => p.Kind == chosen.Kind && p.Number == chosen.Number && p.Year == chosen.Year - 1);
        var family = Family(chosen.Kind);
        var window = ordered.Where(p => Family(p.Kind) == family && p.CutoffTo <= chosen.CutoffTo && p.Id != chosen.Id)
            .TakeLast(Math.Max(1, Definition.Window) - 1).Append(chosen).ToList();
        return new PeriodScope(ordered, chosen, previous, yearEarlier, window, counts, participants);
    }

    /// <summary>Charts do not mix months and quarters with half-years and years.</summary>
    private static int Family(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => 2,
        PeriodKind.Quarter => 1,
        _ => 0,
    };

    // ---- indicators and figures ------------------------------------------------------------------------------------

    private sealed class Catalogue(IReadOnlyList<Indicator> indicators)
    {
        public IReadOnlyList<Indicator> Indicators { get; } = indicators;

        public Dictionary<int, IReadOnlyDictionary<string, Expr>> Formulas { get; } = indicators.GroupBy(i => i.TemplateId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, Expr>)g.Where(i => i.IsComputed)
                .ToDictionary(i => i.Code, i => ExpressionParser.Parse(i.Formula!), StringComparer.OrdinalIgnoreCase));

        private readonly HashSet<string> _entered = indicators.Where(i => !i.IsComputed).Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The entered codes behind some codes: computed indicators are replaced by what their formulas read. Across
        /// template versions a code may be computed in one and entered in another: then it counts as both.
        /// </summary>
        public HashSet<string> EnteredCodes(IEnumerable<string> codes)
        {
            var result = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Stack<string>(codes);
            while (pending.TryPop(out var code))
            {
                if (!seen.Add(code)) continue;
                var formulas = Formulas.Values.Select(f => f.GetValueOrDefault(code)).OfType<Expr>().ToList();
                if (formulas.Count == 0 || _entered.Contains(code)) result.Add(code);
                foreach (var inner in formulas.SelectMany(f => f.CurrentCodes())) pending.Push(inner);
            }
            return result;
        }

        /// <summary>
        /// A period's entered numbers that the dashboard shows: of its template's current (not retired) indicators,
        /// only those the unit supplies when <paramref name="unitId"/> is set.
        /// </summary>
        public IReadOnlyDictionary<string, decimal?> Shown(ReportingPeriod period, IReadOnlyDictionary<string, FigureInput> entered, int? unitId)
        {
            var shown = Indicators.Where(i => i.TemplateId == period.TemplateId && !i.IsComputed && (unitId is null || i.UnitId == unitId))
                .Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return entered.Where(e => shown.Contains(e.Key) && e.Value.Number is not null)
                .ToDictionary(e => e.Key, e => e.Value.Number, StringComparer.OrdinalIgnoreCase);
        }
    }

    private async Task<Catalogue> CatalogueAsync(PeriodScope scope, CancellationToken ct)
    {
        var templateIds = scope.Relevant.Select(p => p.TemplateId).Distinct().ToList();
        return new Catalogue(await db.Indicators.AsNoTracking().Where(i => templateIds.Contains(i.TemplateId) && !i.IsRetired).ToListAsync(ct));
    }

    /// <summary>
    /// The office's entered figures of every period shown, by code, from the one loader (<see cref="PeriodFigures"/>:
    /// each figure as its supplier gave it); blanks stay blank. They are kept in <see cref="DashboardFiguresCache"/>
    /// until the next audited change.
    /// </summary>
    private async Task<IReadOnlyDictionary<int, IReadOnlyDictionary<string, decimal?>>> OfficeFiguresAsync(
        PeriodScope scope, Catalogue catalogue, bool fresh, CancellationToken ct)
    {
        var stamp = await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        var key = FormattableString.Invariant($"{stamp}|{string.Join(',', scope.Relevant.Select(p => p.Id))}");
        if (!fresh && cache.TryGet(key, out var cached)) return cached!;

        var entered = await PeriodFigures.EnteredAsync(db, scope.Relevant, ct);
        var figures = scope.Relevant.ToDictionary(p => p.Id, p => catalogue.Shown(p, entered[p.Id], null));
        cache.Set(key, figures);
        return figures;
    }

    private static Dictionary<int, IValueSource> Sources(
        PeriodScope scope, Catalogue catalogue, IReadOnlyDictionary<int, IReadOnlyDictionary<string, decimal?>> figures) =>
        scope.Relevant.ToDictionary(p => p.Id, p => (IValueSource)new ComputingValueSource(
            figures.GetValueOrDefault(p.Id) ?? new Dictionary<string, decimal?>(),
            catalogue.Formulas.GetValueOrDefault(p.TemplateId) ?? new Dictionary<string, Expr>()));

    private static decimal? Round(decimal? value, FigureKind kind) =>
        value is not { } v ? null : kind == FigureKind.Percent ? VietnameseFormat.RoundRate(v) : v;

    private static List<KeyFigure> Cards(IEnumerable<CardDefinition> cards, PeriodScope scope, IReadOnlyDictionary<int, IValueSource> sources) =>
        cards.Select(card =>
        {
            decimal? Of(ReportingPeriod? p) => p is null ? null : Round(card.Expression.Evaluate(sources[p.Id]), card.Kind);
            var value = Of(scope.Chosen);
            var previous = Of(scope.Previous);
            var yearEarlier = Of(scope.YearEarlier);
            var illustrative = scope.Chosen.IsIllustrative
                || (previous is not null && scope.Previous!.IsIllustrative)
                || (yearEarlier is not null && scope.YearEarlier!.IsIllustrative);
            return new KeyFigure(card.Key, card.Label, Name(card.Kind), card.Measure, card.Note, card.Better is { } b ? Name(b) : null,
                value, previous, yearEarlier, value - previous, value - yearEarlier, illustrative);
        }).ToList();

    private static IEnumerable<DashboardChart> Charts(
        IEnumerable<ChartDefinition> charts, PeriodScope scope, IReadOnlyDictionary<int, IValueSource> sources) =>
        charts.Select(chart =>
        {
            if (chart.Axis == ChartAxis.Categories)
            {
                var source = sources[scope.Chosen.Id];
                return new DashboardChart(chart.Key, chart.Title, chart.Type, chart.Stacked, Name(chart.Kind),
                    chart.Categories!.Select(c => new ChartLabel(c, scope.Chosen.IsIllustrative, null)).ToList(),
                    chart.Series.Select(s => new ChartSeries(s.Label, s.Color, s.Expressions.Select(e => Round(e.Evaluate(source), chart.Kind)).ToList())).ToList(),
                    scope.Chosen.IsIllustrative);
            }
            return new DashboardChart(chart.Key, chart.Title, chart.Type, chart.Stacked, Name(chart.Kind),
                scope.Window.Select(p => new ChartLabel(p.PeriodCode.ShortName, p.IsIllustrative, p.Code)).ToList(),
                chart.Series.Select(s => new ChartSeries(s.Label, s.Color,
                    scope.Window.Select(p => Round(s.Expressions[0].Evaluate(sources[p.Id]), chart.Kind)).ToList())).ToList(),
                scope.Window.Any(p => p.IsIllustrative));
        });

    // ---- submissions -----------------------------------------------------------------------------------------------

    private DashboardChart CompletenessChart(PeriodScope scope, IReadOnlyDictionary<int, int> lateSent)
    {
        var sent = new List<decimal?>();
        var accepted = new List<decimal?>();
        var late = new List<decimal?>();
        foreach (var period in scope.Window)
        {
            var (s, a) = scope.Counts(period.Id);
            sent.Add(s);
            accepted.Add(a);
            var overdue = Today > period.UnitDeadline ? Math.Max(0, scope.Units(period.Id) - s) : 0;
            late.Add(lateSent.GetValueOrDefault(period.Id) + overdue);
        }
        return new DashboardChart("gui-so-lieu", "Tình hình gửi số liệu của các đơn vị", "bar", false, Name(FigureKind.Count),
            scope.Window.Select(p => new ChartLabel(p.PeriodCode.ShortName, p.IsIllustrative, p.Code)).ToList(),
            [
                new ChartSeries("Đã gửi", "#0d6efd", sent),
                new ChartSeries("Đã tiếp nhận", "#198754", accepted),
                new ChartSeries("Gửi trễ hạn hoặc quá hạn chưa gửi", "#dc3545", late),
            ],
            scope.Window.Any(p => p.IsIllustrative));
    }

    /// <summary>
    /// Per period of the window, how many submissions were sent after the unit deadline: one grouped query, whose
    /// per-period threshold (the first instant after the deadline day, local time) is a CASE over the window.
    /// </summary>
    private async Task<Dictionary<int, int>> LateSentAsync(PeriodScope scope, CancellationToken ct)
    {
        var s = Expression.Parameter(typeof(Submission), "s");
        Expression threshold = Expression.Constant(null, typeof(DateTimeOffset?));
        foreach (var period in scope.Window)
        {
            threshold = Expression.Condition(
                Expression.Equal(Expression.Property(s, nameof(Submission.PeriodId)), Expression.Constant(period.Id)),
                Expression.Constant(LateFrom(period), typeof(DateTimeOffset?)),
                threshold);
        }
        var isLate = Expression.Lambda<Func<Submission, bool>>(
            Expression.GreaterThanOrEqual(Expression.Property(s, nameof(Submission.SubmittedAt)), threshold), s);
        return await db.Submissions.AsNoTracking()
            .Where(x => scope.WindowIds.Contains(x.PeriodId) && (x.Status == SubmissionStatus.Submitted || x.Status == SubmissionStatus.Accepted))
            .Where(isLate)
            .GroupBy(x => x.PeriodId)
            .Select(g => new { PeriodId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.PeriodId, g => g.Count, ct);
    }

    /// <summary>The first instant after the unit deadline day, in the portal's time zone.</summary>
    private static DateTimeOffset LateFrom(ReportingPeriod period) => VietnamTime.StartOf(period.UnitDeadline.AddDays(1));

    private List<OpenPeriod> OpenPeriods(PeriodScope scope) => scope.All
        .Where(p => !p.IsLocked && Today <= p.SendDeadline)
        .OrderBy(p => p.UnitDeadline)
        .Select(p =>
        {
            var (sent, accepted) = scope.Counts(p.Id);
            return new OpenPeriod(Describe(p), scope.Units(p.Id), sent, accepted, p.UnitDeadline.DayNumber - Today.DayNumber, p.SendDeadline.DayNumber - Today.DayNumber);
        })
        .ToList();

    private UnitStatus Status(ReportingPeriod period, UnitEvaluation e)
    {
        var status = e.Submission?.Status ?? SubmissionStatus.NotStarted;
        return new UnitStatus(e.Unit.Code, e.Unit.Name, StatusName(status), status.Vietnamese(), Local(e.Submission?.SubmittedAt),
            DaysLate(period, status, e.Submission?.SubmittedAt), e.Violations.Count,
            e.Violations.Count(v => !string.IsNullOrWhiteSpace(v.Explanation)), e.Missing.Count, EntryLink(period.Code, e.Unit.Code));
    }

    private DataQuality Quality(ReportingPeriod period, IReadOnlyList<UnitEvaluation> evaluation)
    {
        var violations = evaluation.SelectMany(e => e.Violations.Select(v => new QualityViolation(
                e.Unit.Code, e.Unit.Name, v.Rule, v.Message, ApiNames.Of(v.Severity), v.Explanation,
                EntryLink(period.Code, e.Unit.Code))))
            .ToList();
        var missing = evaluation.Where(e => e.Missing.Count > 0)
            .Select(e => new MissingFigures(e.Unit.Code, e.Unit.Name, (e.Submission?.Status ?? SubmissionStatus.NotStarted).Vietnamese(),
                e.Missing.Count, e.Missing.Take(MissingNamesShown).Select(i => i.Name).ToList(), EntryLink(period.Code, e.Unit.Code)))
            .ToList();
        var late = evaluation
            .Select(e => (e, Status: e.Submission?.Status ?? SubmissionStatus.NotStarted))
            .Select(x => (x.e, x.Status, Days: DaysLate(period, x.Status, x.e.Submission?.SubmittedAt)))
            .Where(x => x.Days > 0)
            .Select(x => new LateUnit(x.e.Unit.Code, x.e.Unit.Name, x.Status.Vietnamese(), Local(x.e.Submission?.SubmittedAt), x.Days,
                IsSent(x.Status), EntryLink(period.Code, x.e.Unit.Code)))
            .ToList();
        return new DataQuality(violations, missing, late);
    }

    /// <summary>Days after the unit deadline a submission was sent, or, unsent, days the deadline has passed; 0 when on time.</summary>
    private int DaysLate(ReportingPeriod period, SubmissionStatus status, DateTimeOffset? submittedAt)
    {
        if (IsSent(status) && submittedAt is { } at)
            return Math.Max(0, DateOnly.FromDateTime(Local(at)!.Value.DateTime).DayNumber - period.UnitDeadline.DayNumber);
        return IsSent(status) ? 0 : Math.Max(0, Today.DayNumber - period.UnitDeadline.DayNumber);
    }

    private static DateTimeOffset? Local(DateTimeOffset? at) => at is { } value ? VietnamTime.Local(value) : null;

    private static bool IsSent(SubmissionStatus status) => status is SubmissionStatus.Submitted or SubmissionStatus.Accepted;

    // ---- naming ----------------------------------------------------------------------------------------------------

    private static DashboardPeriod Describe(ReportingPeriod p) =>
        new(p.Code, p.Name, p.PeriodCode.ShortName, p.IsIllustrative, p.IsLocked, p.UnitDeadline, p.SendDeadline);

    private static DashboardPeriod? DescribeOrNull(ReportingPeriod? p) => p is null ? null : Describe(p);

    public static string EntryLink(string period, string unit) => $"/entry/{Uri.EscapeDataString(period)}/{Uri.EscapeDataString(unit)}";

    private static string Name(FigureKind kind) => kind == FigureKind.Percent ? "percent" : "count";

    private static string Name(Better better) => better == Better.Up ? "up" : "down";

    private static string KindName(ValueKind kind) => ApiNames.Of(kind);

    public static string StatusName(SubmissionStatus status) => ApiNames.Of(status);
}
