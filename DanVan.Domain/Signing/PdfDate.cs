using System.Globalization;

namespace DanVan.Domain.Signing;

/// <summary>A PDF date string (ISO 32000-1 §7.9.4): <c>D:YYYYMMDDHHmmSSOHH'mm'</c>, every part after the year optional.</summary>
public static class PdfDate
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (text is null) return null;
        var s = text.Trim();
        if (s.StartsWith("D:", StringComparison.Ordinal)) s = s[2..];
        var digits = 0;
        while (digits < s.Length && digits < 14 && char.IsAsciiDigit(s[digits])) digits++;
        if (digits < 4 || digits % 2 != 0) return null;
        var padded = s[..digits] + "0101000000"[(digits - 4)..];
        if (!DateTime.TryParseExact(padded, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;
        var offset = Offset(s[digits..]);
        return offset is null ? null : new DateTimeOffset(local, offset.Value);
    }

    private static TimeSpan? Offset(string zone)
    {
        if (zone.Length == 0 || zone[0] == 'Z') return TimeSpan.Zero;
        if (zone[0] is not ('+' or '-')) return null;
        var parts = zone[1..].Replace("'", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) || hours > 14)
            return null;
        var minutes = 0;
        if (parts.Length > 1 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minutes) || minutes > 59))
            return null;
        var span = new TimeSpan(hours, minutes, 0);
        return zone[0] == '-' ? -span : span;
    }
}
