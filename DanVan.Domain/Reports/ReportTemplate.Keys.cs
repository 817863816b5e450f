using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DanVan.Domain.Reports;

/// <summary>Section keys: the one a new section is given, and what a key may be.</summary>
public partial class ReportTemplate
{
    /// <summary>
    /// A key for a new section: the parent's key, a dot, and the title's first words without diacritics
    /// ("ketqua" + "Công tác phối hợp" → "ketqua.congtacphoihop"), made unique with a number.
    /// </summary>
    public string SuggestKey(string? parentKey, string title)
    {
        var ascii = new StringBuilder();
        foreach (var c in (title ?? "").Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) ascii.Append(char.ToLowerInvariant(c));
            else if (ascii.Length > 0 && ascii[^1] != ' ') ascii.Append(' ');
        }
        var slug = "";
        foreach (var word in ascii.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (slug.Length > 0 && slug.Length + word.Length > 24) break;
            slug += word;
        }
        if (slug.Length == 0) slug = "muc";
        if (slug.Length > 32) slug = slug[..32];
        var stem = parentKey is null ? slug : parentKey + "." + slug;
        if (stem.Length > 120) stem = stem[..120];
        var candidate = stem;
        for (var n = 2; _sections.Any(s => s.Key == candidate); n++) candidate = stem + n.ToString(CultureInfo.InvariantCulture);
        return candidate;
    }

    /// <summary>Keys are letters, digits, '.', '_' and '-' (they travel in JSON files and links).</summary>
    public static bool IsValidKey(string? key) => key is { Length: > 0 and <= 128 } && KeyRegex().IsMatch(key);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex KeyRegex();
}
