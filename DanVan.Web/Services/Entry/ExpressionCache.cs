using System.Collections.Concurrent;
using DanVan.Domain.Expressions;

namespace DanVan.Web.Services.Entry;

/// <summary>
/// Parsed formulas and rule sides, keyed by their text. Parsing is pure, so an entry can never be stale: an edited
/// formula is a different key. Every sheet of a period reads the same texts, so each is parsed once per process
/// instead of on every request.
/// </summary>
internal static class ExpressionCache
{
    private const int MaxEntries = 50_000;
    private static readonly ConcurrentDictionary<string, Parsed> Cache = new(StringComparer.Ordinal);

    /// <summary>The expression, or <see cref="ExpressionException"/> as from <see cref="ExpressionParser.Parse"/>.</summary>
    public static Expr Parse(string text) => Get(text).Expr;

    /// <summary>Codes the expression reads in the current period (upper case, distinct).</summary>
    public static IReadOnlyList<string> CurrentCodes(string text) => Get(text).Current;

    /// <summary>Codes the expression reads in the period before, through PREV (upper case, distinct).</summary>
    public static IReadOnlyList<string> PreviousCodes(string text) => Get(text).Previous;

    private static Parsed Get(string text)
    {
        if (Cache.TryGetValue(text, out var parsed)) return parsed;
        var expr = ExpressionParser.Parse(text);
        parsed = new Parsed(
            expr,
            expr.CurrentCodes().Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            expr.PreviousCodes().Distinct(StringComparer.OrdinalIgnoreCase).ToArray());
        if (Cache.Count >= MaxEntries) Cache.Clear(); // admins write hundreds of expressions, not tens of thousands
        Cache[text] = parsed;
        return parsed;
    }

    private sealed record Parsed(Expr Expr, string[] Current, string[] Previous);
}
