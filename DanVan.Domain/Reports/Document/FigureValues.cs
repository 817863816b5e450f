using DanVan.Domain.Expressions;
using DanVan.Domain.Formatting;
using DanVan.Domain.Indicators;

namespace DanVan.Domain.Reports.Document;

/// <summary>
/// The period's values by code, computed indicators evaluated through <see cref="ComputingValueSource"/>, and each
/// formatted the one way the report prints it (count 50.003, percent 98,6%, yes/no Có/Không, text as is).
/// </summary>
public sealed class FigureValues
{
    private readonly Dictionary<string, Indicator> _indicators;
    private readonly IReadOnlyDictionary<string, FigureInput> _entered;
    private readonly ComputingValueSource _source;

    public FigureValues(IReadOnlyList<Indicator> indicators, IReadOnlyDictionary<string, FigureInput> entered, IValueSource? previous = null)
    {
        _indicators = new Dictionary<string, Indicator>(StringComparer.OrdinalIgnoreCase);
        foreach (var indicator in indicators.Where(i => !i.IsRetired)) _indicators[indicator.Code] = indicator;
        _entered = new Dictionary<string, FigureInput>(entered, StringComparer.OrdinalIgnoreCase);

        var formulas = new Dictionary<string, Expr>(StringComparer.OrdinalIgnoreCase);
        foreach (var indicator in _indicators.Values.Where(i => i.IsComputed))
        {
            if (ExpressionParser.TryParse(indicator.Formula!, out var expr, out _)) formulas[indicator.Code] = expr!;
        }
        var numbers = _entered.ToDictionary(p => p.Key, p => p.Value.Number, StringComparer.OrdinalIgnoreCase);
        _source = new ComputingValueSource(numbers, formulas, previous);
    }

    public IEnumerable<Indicator> Indicators => _indicators.Values;

    public bool IsKnown(string code) => _indicators.ContainsKey(code);

    public Indicator? Indicator(string code) => _indicators.GetValueOrDefault(code);

    public decimal? Number(string code) => _source.Current(code);

    public string? Text(string code) =>
        _entered.TryGetValue(code, out var v) && !string.IsNullOrWhiteSpace(v.Text) ? v.Text.Trim() : null;

    /// <summary>The printed value, or null when blank. <paramref name="leadingZero"/> writes counts 0–9 as "00"–"09".</summary>
    public string? Format(string code, bool leadingZero = false)
    {
        var indicator = Indicator(code);
        var kind = indicator?.Kind ?? ValueKind.Count;
        var number = Number(code);
        var text = Text(code);
        return kind switch
        {
            ValueKind.Count => number is { } n ? VietnameseFormat.Count(n, leadingZero) : null,
            // A computed rate always shows its decimals ("79,0%"); a typed percentage prints as typed.
            ValueKind.Percent => number is { } p ? (indicator?.IsComputed == true ? VietnameseFormat.ComputedRate(p) : VietnameseFormat.Percent(p)) : null,
            ValueKind.YesNo => number is { } b ? VietnameseFormat.YesNo(b != 0) : text,
            ValueKind.Text => text?.ReplaceLineEndings(" "),
            _ => null,
        };
    }
}
