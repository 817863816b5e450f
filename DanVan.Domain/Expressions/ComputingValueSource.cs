namespace DanVan.Domain.Expressions;

/// <summary>
/// Entered values plus computed indicators evaluated on demand (a computed indicator may use another one).
/// </summary>
public sealed class ComputingValueSource : IValueSource
{
    private readonly IReadOnlyDictionary<string, decimal?> _entered;
    private readonly IReadOnlyDictionary<string, Expr> _formulas;
    private readonly IValueSource? _previous;
    private readonly Dictionary<string, decimal?> _computed = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _inProgress = new(StringComparer.OrdinalIgnoreCase);

    public ComputingValueSource(
        IReadOnlyDictionary<string, decimal?> entered,
        IReadOnlyDictionary<string, Expr> formulas,
        IValueSource? previous = null)
    {
        _entered = entered;
        _formulas = formulas;
        _previous = previous;
    }

    public decimal? Current(string code)
    {
        if (_formulas.TryGetValue(code, out var formula))
        {
            if (_computed.TryGetValue(code, out var cached)) return cached;
            if (!_inProgress.Add(code)) return null; // a cycle yields blank rather than a stack overflow
            decimal? value;
            try
            {
                value = formula.Evaluate(this);
            }
            finally
            {
                _inProgress.Remove(code);
            }
            _computed[code] = value;
            return value;
        }
        return _entered.TryGetValue(code, out var v) ? v : null;
    }

    public decimal? Previous(string code) => _previous?.Current(code);
}
