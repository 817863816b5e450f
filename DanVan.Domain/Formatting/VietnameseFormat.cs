using System.Globalization;
using System.Text;

namespace DanVan.Domain.Formatting;

/// <summary>
/// The one place where numbers, rates and dates become Vietnamese text (thousands ".", decimals ",",
/// dates per Nghị định 30/2020). Culture-independent on purpose: the server's culture never changes a figure.
/// </summary>
public static class VietnameseFormat
{
    public const string Missing = "…";

    public static string Number(decimal value, int maxDecimals = 0)
    {
        var rounded = Math.Round(value, maxDecimals, MidpointRounding.AwayFromZero);
        var negative = rounded < 0;
        var text = Math.Abs(rounded).ToString("0." + new string('#', Math.Max(maxDecimals, 0)), CultureInfo.InvariantCulture)
            .TrimEnd('.');
        var dot = text.IndexOf('.');
        var integerPart = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..];

        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        var firstGroup = integerPart.Length % 3;
        if (firstGroup == 0) firstGroup = 3;
        sb.Append(integerPart, 0, firstGroup);
        for (var i = firstGroup; i < integerPart.Length; i += 3)
        {
            sb.Append('.').Append(integerPart, i, 3);
        }
        if (fraction.Length > 0) sb.Append(',').Append(fraction);
        return sb.ToString();
    }

    /// <summary>A count; <paramref name="leadingZero"/> writes 0–9 as "00"–"09" as the model report does in prose ("02 đoàn").</summary>
    public static string Count(decimal value, bool leadingZero = false) =>
        leadingZero && value is >= 0 and < 10 && value == decimal.Truncate(value)
            ? "0" + value.ToString("0", CultureInfo.InvariantCulture)
            : Number(value);

    /// <summary>A percentage given in percent units (98.6 → "98,6%"): one decimal, half away from zero, ",0" dropped.</summary>
    public static string Percent(decimal percent) => Number(RoundRate(percent), 1) + "%";

    /// <summary>
    /// A computed rate, always with the same number of decimals (one unless the indicator says otherwise), half away
    /// from zero: “79,0%” next to “98,7%”, never “79%”. A typed percentage is printed as typed, with <see cref="Percent"/>.
    /// </summary>
    public static string ComputedRate(decimal percent, int decimals = DefaultRateDecimals) => FixedNumber(percent, decimals) + "%";

    public const int DefaultRateDecimals = 1;

    /// <summary>A number with exactly <paramref name="decimals"/> decimals (“0,5”, “79,0”), half away from zero.</summary>
    public static string FixedNumber(decimal value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var text = Number(rounded, decimals);
        if (decimals <= 0) return text;
        var comma = text.IndexOf(',');
        return comma < 0 ? text + "," + new string('0', decimals) : text + new string('0', decimals - (text.Length - comma - 1));
    }

    public static decimal RoundRate(decimal percent) => Math.Round(percent, 1, MidpointRounding.AwayFromZero);

    /// <summary>part / whole as a percentage, or null when whole is zero (no rate can be stated).</summary>
    public static decimal? Rate(decimal part, decimal whole) => whole == 0 ? null : part * 100m / whole;

    public static string YesNo(bool value) => value ? "Có" : "Không";

    /// <summary>"ngày 07 tháng 6 năm 2021": a leading zero for days 1–9 and for months 1 and 2 only.</summary>
    public static string LongDate(DateOnly date) =>
        $"ngày {Day(date)} tháng {Month(date)} năm {date.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"07/6/2021", "15/02/2022".</summary>
    public static string ShortDate(DateOnly date) =>
        $"{Day(date)}/{Month(date)}/{date.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"Quảng Ngãi, ngày 07 tháng 6 năm 2021".</summary>
    public static string PlaceAndDate(string place, DateOnly date) => $"{place}, {LongDate(date)}";

    /// <summary>Date and time for the portal's tables: "07/6/2021 14:05".</summary>
    /// <summary>An instant as Vietnam reads it (UTC+7), whatever offset it was stored with.</summary>
    public static string LocalDateTime(DateTimeOffset value) => DateTime(Common.VietnamTime.Local(value));

    public static string DateTime(DateTimeOffset value) =>
        $"{ShortDate(DateOnly.FromDateTime(value.DateTime))} {value:HH\\:mm}";

    private static string Day(DateOnly date) => date.Day.ToString("00", CultureInfo.InvariantCulture);

    private static string Month(DateOnly date) =>
        date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture);
}
