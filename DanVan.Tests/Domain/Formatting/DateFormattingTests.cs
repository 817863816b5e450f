using DanVan.Domain.Formatting;

namespace DanVan.Tests.Domain.Formatting;

public class DateFormattingTests
{
    [Theory]
    [InlineData(2021, 6, 7, "ngày 07 tháng 6 năm 2021")]
    [InlineData(2022, 2, 15, "ngày 15 tháng 02 năm 2022")]
    [InlineData(2021, 10, 20, "ngày 20 tháng 10 năm 2021")]
    [InlineData(2022, 1, 5, "ngày 05 tháng 01 năm 2022")]
    [InlineData(2021, 12, 31, "ngày 31 tháng 12 năm 2021")]
    [InlineData(2021, 3, 1, "ngày 01 tháng 3 năm 2021")]
    public void Long_date_follows_decree_30_2020(int year, int month, int day, string expected) =>
        Assert.Equal(expected, VietnameseFormat.LongDate(new DateOnly(year, month, day)));

    [Fact]
    public void Date_before_the_tenth_gets_a_leading_zero() =>
        Assert.StartsWith("ngày 09 ", VietnameseFormat.LongDate(new DateOnly(2021, 6, 9)));

    [Fact]
    public void Date_from_the_tenth_has_no_leading_zero() =>
        Assert.StartsWith("ngày 10 ", VietnameseFormat.LongDate(new DateOnly(2021, 6, 10)));

    [Theory]
    [InlineData(1, "01")]
    [InlineData(2, "02")]
    [InlineData(3, "3")]
    [InlineData(9, "9")]
    [InlineData(10, "10")]
    [InlineData(12, "12")]
    public void Only_January_and_February_get_a_leading_zero(int month, string expected) =>
        Assert.Equal($"ngày 15 tháng {expected} năm 2021", VietnameseFormat.LongDate(new DateOnly(2021, month, 15)));

    [Theory]
    [InlineData(2021, 6, 7, "07/6/2021")]
    [InlineData(2022, 2, 15, "15/02/2022")]
    [InlineData(2021, 6, 17, "17/6/2021")]
    [InlineData(2021, 10, 20, "20/10/2021")]
    [InlineData(2022, 1, 5, "05/01/2022")]
    public void Short_date_uses_the_same_zero_rule(int year, int month, int day, string expected) =>
        Assert.Equal(expected, VietnameseFormat.ShortDate(new DateOnly(year, month, day)));

    [Fact]
    public void Place_and_date_heads_the_report() =>
        Assert.Equal("Quảng Ngãi, ngày 07 tháng 6 năm 2021", VietnameseFormat.PlaceAndDate("Quảng Ngãi", new DateOnly(2021, 6, 7)));

    [Fact]
    public void Date_and_time_show_the_clock_time_of_the_given_offset() =>
        Assert.Equal("07/6/2021 14:05",
            VietnameseFormat.DateTime(new DateTimeOffset(2021, 6, 7, 14, 5, 33, TimeSpan.FromHours(7))));
}
