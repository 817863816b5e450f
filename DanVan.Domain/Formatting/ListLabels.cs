using System.Text;

namespace DanVan.Domain.Formatting;

/// <summary>Labels of the report's outline: I. II. III.; 1. 2. 3.; a) b) c) d) đ) e) g) …</summary>
public static class ListLabels
{
    /// <summary>The Vietnamese list alphabet: no f, j, w, z; đ follows d.</summary>
    public static readonly IReadOnlyList<string> Letters =
        ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"];

    public static string Roman(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 3999);
        ReadOnlySpan<(int Value, string Symbol)> table =
        [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ];
        var sb = new StringBuilder();
        foreach (var (value, symbol) in table)
        {
            while (number >= value)
            {
                sb.Append(symbol);
                number -= value;
            }
        }
        return sb.ToString();
    }

    /// <summary>The n-th letter (1-based); past "y" the letters double as in a spreadsheet (aa, ab, …).</summary>
    public static string Letter(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        var sb = new StringBuilder();
        var n = number;
        while (n > 0)
        {
            n--;
            sb.Insert(0, Letters[n % Letters.Count]);
            n /= Letters.Count;
        }
        return sb.ToString();
    }

    /// <summary>The label of an outline item at a depth (0: "I.", 1: "1.", 2: "a)").</summary>
    public static string ForLevel(int depth, int number) => depth switch
    {
        0 => Roman(number) + ".",
        1 => number + ".",
        2 => Letter(number) + ")",
        _ => "-",
    };
}
