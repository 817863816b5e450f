using System.Text.RegularExpressions;

namespace DanVan.Domain.Reports;

/// <summary>One {NAME} or {NAME:option} in a text, at a 0-based index.</summary>
public sealed record PlaceholderMatch(int Index, int Length, string Name, string? Option)
{
    public bool IsCode => !PlaceholderSyntax.IsReserved(Name, ruleMessage: true);
}

/// <summary>
/// The one placeholder syntax of templates and rule messages: {CODE} or {CODE:option} (option: digits, "00" prints
/// a count under ten with a leading zero). Reserved names are not indicator codes: {period.name}, {period.remainder},
/// {period.year}, {request} everywhere, and a rule's sides {left}, {right}, {left.detail}, {right.detail} in its message.
/// </summary>
public static partial class PlaceholderSyntax
{
    public const string PeriodPrefix = "period.";
    public const string Request = "request";

    public static readonly IReadOnlySet<string> RuleSides = new HashSet<string>(StringComparer.Ordinal)
    {
        "left", "right", "left.detail", "right.detail",
    };

    public static IEnumerable<PlaceholderMatch> Matches(string text) =>
        Pattern().Matches(text).Select(m => new PlaceholderMatch(
            m.Index, m.Length, m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null));

    /// <summary>A name that is not an indicator code (a period phrase, the request, or in a rule message a side).</summary>
    public static bool IsReserved(string name, bool ruleMessage) =>
        name.StartsWith(PeriodPrefix, StringComparison.Ordinal) || name == Request || (ruleMessage && RuleSides.Contains(name));

    /// <summary>The indicator codes a text cites, upper-cased, in order of appearance.</summary>
    public static IEnumerable<string> Codes(string text, bool ruleMessage) =>
        Matches(text).Where(m => !IsReserved(m.Name, ruleMessage)).Select(m => m.Name.ToUpperInvariant());

    /// <summary>The text with each placeholder replaced by what <paramref name="replace"/> gives.</summary>
    public static string Replace(string text, Func<PlaceholderMatch, string> replace) =>
        Pattern().Replace(text, m => replace(new PlaceholderMatch(m.Index, m.Length, m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null)));

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_.]*)(?::([0-9]+))?\}")]
    private static partial Regex Pattern();
}
