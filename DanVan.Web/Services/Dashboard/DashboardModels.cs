namespace DanVan.Web.Services.Dashboard;

// The dashboard's read model: the page, the print view, the embedded chart data and GET /api/v1/periods/{period}/dashboard
// all show these records, so the API and the page cannot disagree. Numbers are numbers (rates in percent, rounded to
// one decimal as everywhere else); the views format them through VietnameseFormat, the script in wwwroot/js.

/// <summary>A period as the dashboard names it.</summary>
public sealed record DashboardPeriod(
    string Code, string Name, string ShortName, bool Illustrative, bool Locked, DateOnly UnitDeadline, DateOnly SendDeadline);

/// <summary>
/// A key figure of the chosen period with the same figure of the previous period (by the cut-off rule) and of the same
/// period a year earlier, and the changes (points for rates). Null = blank, never zero.
/// </summary>
public sealed record KeyFigure(
    string Key, string Label, string Kind, string? Measure, string? Note, string? Better,
    decimal? Value, decimal? Previous, decimal? YearEarlier, decimal? ChangeFromPrevious, decimal? ChangeFromYearEarlier,
    bool Illustrative, string? PreviousPeriod = null);

/// <summary>One chart: labels along the axis, one value list per series (null = blank), and the same as a table.</summary>
public sealed record DashboardChart(
    string Key, string Title, string Type, bool Stacked, string Kind, IReadOnlyList<ChartLabel> Labels,
    IReadOnlyList<ChartSeries> Series, bool Illustrative);

public sealed record ChartLabel(string Text, bool Illustrative, string? PeriodCode);

public sealed record ChartSeries(string Label, string? Color, IReadOnlyList<decimal?> Values);

/// <summary>The state of one unit's submission in the chosen period, with what is wrong or missing in it.</summary>
public sealed record UnitStatus(
    string Unit, string UnitName, string Status, string StatusText, DateTimeOffset? SubmittedAt, int DaysLate,
    int Violations, int Explained, int Missing, string Link);

public sealed record QualityViolation(
    string Unit, string UnitName, string Rule, string Message, string Severity, string? Explanation, string Link);

public sealed record MissingFigures(string Unit, string UnitName, string StatusText, int Count, IReadOnlyList<string> Indicators, string Link);

/// <summary>A unit that sent after its deadline (DaysLate days), or has not sent although the deadline has passed.</summary>
public sealed record LateUnit(string Unit, string UnitName, string StatusText, DateTimeOffset? SubmittedAt, int DaysLate, bool Sent, string Link);

public sealed record DataQuality(
    IReadOnlyList<QualityViolation> Violations, IReadOnlyList<MissingFigures> Missing, IReadOnlyList<LateUnit> Late);

/// <summary>How far a period open for units is: whether the report will be on time.</summary>
public sealed record OpenPeriod(
    DashboardPeriod Period, int Units, int Sent, int Accepted, int DaysToUnitDeadline, int DaysToSendDeadline);

public sealed record DashboardModel(
    DashboardPeriod Period,
    DashboardPeriod? Previous,
    DashboardPeriod? YearEarlier,
    IReadOnlyList<DashboardPeriod> Periods,
    IReadOnlyList<DashboardPeriod> Window,
    IReadOnlyList<OpenPeriod> Open,
    int Units,
    int Sent,
    int Accepted,
    IReadOnlyList<KeyFigure> Cards,
    IReadOnlyList<DashboardChart> Charts,
    IReadOnlyList<UnitStatus> UnitStatuses,
    DataQuality Quality,
    bool Illustrative);

/// <summary>One indicator of a unit over the window's periods.</summary>
public sealed record UnitFigure(string Code, string Name, string Kind, string Measure, bool Computed, IReadOnlyList<decimal?> Values);

/// <summary>The unit's submission in one period of the window.</summary>
public sealed record UnitSubmission(
    DashboardPeriod Period, string Status, string StatusText, DateTimeOffset? SubmittedAt, int DaysLate, string Link);

public sealed record UnitDashboardModel(
    string Unit,
    string UnitName,
    DashboardPeriod Period,
    DashboardPeriod? Previous,
    DashboardPeriod? YearEarlier,
    IReadOnlyList<DashboardPeriod> Periods,
    IReadOnlyList<DashboardPeriod> Window,
    IReadOnlyList<KeyFigure> Cards,
    IReadOnlyList<DashboardChart> Charts,
    IReadOnlyList<UnitFigure> Figures,
    IReadOnlyList<UnitSubmission> Submissions,
    bool Illustrative);
