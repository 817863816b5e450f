using System.Text.Json;
using System.Text.Json.Serialization;
using DanVan.Domain.Expressions;

namespace DanVan.Web.Services.Dashboard;

/// <summary>
/// What the leaders' dashboard shows, as data (embedded <c>dashboard.json</c>): key-figure cards and charts, each
/// figure an expression in the template's formula language over indicator codes (computed indicators allowed).
/// Codes stay data, never identifiers in code.
/// </summary>
public sealed record DashboardDefinition(int Window, IReadOnlyList<CardDefinition> Cards, IReadOnlyList<ChartDefinition> Charts)
{
    public const string Resource = "DanVan.Web.Services.Dashboard.dashboard.json";

    private static readonly Lazy<DashboardDefinition> Embedded = new(Load);

    public static DashboardDefinition Default => Embedded.Value;

    /// <summary>Every indicator code the definition names (before computed indicators are expanded).</summary>
    public IReadOnlySet<string> Codes => Cards.Select(c => c.Expression)
        .Concat(Charts.SelectMany(c => c.Series).SelectMany(s => s.Expressions))
        .SelectMany(e => e.CurrentCodes())
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static DashboardDefinition Load()
    {
        using var stream = typeof(DashboardDefinition).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Missing embedded resource {Resource}.");
        var definition = JsonSerializer.Deserialize<DashboardDefinition>(stream, JsonOptions)
            ?? throw new InvalidOperationException("The dashboard definition is empty.");
        foreach (var chart in definition.Charts)
        {
            var expected = chart.Axis == ChartAxis.Categories ? chart.Categories?.Count ?? 0 : 1;
            if (chart.Series.Any(s => s.Values.Count != expected))
                throw new InvalidOperationException($"Chart {chart.Key}: every series needs {expected} value(s).");
        }
        return definition;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}

public enum FigureKind
{
    Count,
    Percent,
}

/// <summary>Which direction is good news: colours the ▲/▼ of a change; null = neither.</summary>
public enum Better
{
    Up,
    Down,
}

public enum ChartAxis
{
    /// <summary>One point per period of the window, oldest first.</summary>
    Periods,
    /// <summary>The chosen period only, one bar per category.</summary>
    Categories,
}

/// <param name="Nature">What the figure is (decision 0042): a flow unless said; a closing stock compares with the end of the period before.</param>
public sealed record CardDefinition(
    string Key, string Label, string Value, FigureKind Kind, string? Measure, string? Note, Better? Better,
    DanVan.Domain.Indicators.IndicatorNature? Nature = null)
{
    private Expr? _expression;

    [JsonIgnore]
    public Expr Expression => _expression ??= ExpressionParser.Parse(Value);
}

public sealed record ChartDefinition(
    string Key, string Title, string Type, bool Stacked, ChartAxis Axis, FigureKind Kind,
    IReadOnlyList<string>? Categories, IReadOnlyList<SeriesDefinition> Series);

public sealed record SeriesDefinition(string Label, IReadOnlyList<string> Values, string? Color)
{
    private IReadOnlyList<Expr>? _expressions;

    [JsonIgnore]
    public IReadOnlyList<Expr> Expressions => _expressions ??= Values.Select(ExpressionParser.Parse).ToList();
}
