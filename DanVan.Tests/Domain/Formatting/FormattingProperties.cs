using System.Globalization;
using DanVan.Domain.Formatting;
using DanVan.Domain.Indicators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DanVan.Tests.Domain.Formatting;

public class FormattingProperties
{
    /// <summary>0 … 999.999.999.999, with the edges (0, 999, 1000, the maximum) drawn often.</summary>
    private static Arbitrary<long> Counts() =>
        Gen.Frequency(
                (1, Gen.Elements(0L, 9L, 10L, 999L, 1000L, 1001L, 999_999L, 1_000_000L, 999_999_999_999L)),
                (4, Gen.Choose(0, 999_999).Select(x => (long)x)),
                (5, Gen.Choose(0, 999_999).SelectMany(high => Gen.Choose(0, 999_999), (high, low) => high * 1_000_000L + low)))
            .ToArbitrary();

    private static Arbitrary<long> AnyLongs() =>
        Gen.Frequency(
                (1, Gen.Elements(long.MinValue, long.MaxValue, -1L, 0L)),
                (9, Gen.Choose(int.MinValue, int.MaxValue).SelectMany(high => Gen.Choose(int.MinValue, int.MaxValue),
                    (high, low) => ((long)high << 32) ^ (uint)low)))
            .ToArbitrary();

    private static Arbitrary<DateOnly> Dates() =>
        Gen.Choose(new DateOnly(1900, 1, 1).DayNumber, new DateOnly(2200, 12, 31).DayNumber)
            .Select(DateOnly.FromDayNumber)
            .ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Formatted_counts_read_back_to_the_same_number() =>
        Prop.ForAll(Counts(), n =>
        {
            var parsed = VietnameseNumberParser.Parse(VietnameseFormat.Number(n), ValueKind.Count);
            return parsed.IsValid && parsed.Number == n;
        });

    [Property(MaxTest = 500)]
    public Property Formatted_counts_read_back_with_leading_zero_too() =>
        Prop.ForAll(Counts(), n => VietnameseNumberParser.Parse(VietnameseFormat.Count(n, leadingZero: true), ValueKind.Count).Number == n);

    [Property(MaxTest = 500)]
    public Property Formatted_integers_never_contain_a_comma() =>
        Prop.ForAll(AnyLongs(), n => !VietnameseFormat.Number(n).Contains(','));

    [Property(MaxTest = 500)]
    public Property Formatted_integers_are_groups_of_three_digits_after_the_first() =>
        Prop.ForAll(AnyLongs(), n =>
        {
            var groups = VietnameseFormat.Number(n).TrimStart('-').Split('.');
            return groups[0].Length is >= 1 and <= 3
                && groups.Skip(1).All(g => g.Length == 3)
                && groups.All(g => g.All(char.IsAsciiDigit));
        });

    [Property(MaxTest = 500)]
    public Property Formatted_integers_keep_every_digit() =>
        Prop.ForAll(AnyLongs(), n =>
            VietnameseFormat.Number(n).Replace(".", "") == n.ToString(CultureInfo.InvariantCulture));

    [Property(MaxTest = 500)]
    public Property Long_date_day_always_has_two_digits_and_month_a_leading_zero_only_for_January_and_February() =>
        Prop.ForAll(Dates(), date =>
        {
            var parts = VietnameseFormat.LongDate(date).Split(' ');
            // ngày DD tháng M năm YYYY
            return parts.Length == 6
                && parts[0] == "ngày" && parts[2] == "tháng" && parts[4] == "năm"
                && parts[1].Length == 2 && int.Parse(parts[1], CultureInfo.InvariantCulture) == date.Day
                && parts[3].StartsWith('0') == (date.Month <= 2)
                && parts[3].Length == 2 == (date.Month is <= 2 or >= 10)
                && int.Parse(parts[3], CultureInfo.InvariantCulture) == date.Month
                && parts[5] == date.Year.ToString(CultureInfo.InvariantCulture);
        });

    [Property(MaxTest = 500)]
    public Property Short_date_day_always_has_two_digits_and_month_a_leading_zero_only_for_January_and_February() =>
        Prop.ForAll(Dates(), date =>
        {
            var text = VietnameseFormat.ShortDate(date);
            var parts = text.Split('/');
            return parts.Length == 3
                && parts[0].Length == 2
                && parts[1].StartsWith('0') == (date.Month <= 2)
                && DateOnly.ParseExact(text, "dd/M/yyyy", CultureInfo.InvariantCulture) == date;
        });

    [Property(MaxTest = 300)]
    public Property A_rate_is_formatted_with_at_most_one_decimal() =>
        Prop.ForAll(Gen.Choose(0, 100_000).SelectMany(whole => Gen.Choose(0, whole), (whole, part) => (part, whole)).ToArbitrary(), t =>
        {
            var rate = VietnameseFormat.Rate(t.part, t.whole);
            if (rate is null) return t.whole == 0;
            var text = VietnameseFormat.Percent(rate.Value);
            var comma = text.IndexOf(',');
            return text.EndsWith('%') && !text.Contains('.') && (comma < 0 || text.Length - comma == 3);
        });

    [Property(MaxTest = 300)]
    public Property A_formatted_rate_reads_back_as_its_rounded_value() =>
        Prop.ForAll(Gen.Choose(0, 1000).Select(x => x / 10m).ToArbitrary(), percent =>
            VietnameseNumberParser.Parse(VietnameseFormat.Percent(percent), ValueKind.Percent).Number == percent);
}
