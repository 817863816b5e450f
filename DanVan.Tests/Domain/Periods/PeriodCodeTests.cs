using DanVan.Domain.Periods;

namespace DanVan.Tests.Domain.Periods;

public class PeriodCodeTests
{
    public static TheoryData<string> AllKindsOfCodes()
    {
        var data = new TheoryData<string> { "2021-H1", "2021-9M", "2021-Y" };
        for (var q = 1; q <= 4; q++) data.Add($"2021-Q{q}");
        for (var m = 1; m <= 12; m++) data.Add($"2021-M{m:00}");
        return data;
    }

    [Fact]
    public void There_are_nineteen_kinds_of_codes_in_a_year() => Assert.Equal(19, AllKindsOfCodes().Count);

    [Theory]
    [MemberData(nameof(AllKindsOfCodes))]
    public void Every_code_reads_and_writes_back_unchanged(string text)
    {
        var code = PeriodCode.Parse(text);
        Assert.Equal(text, code.ToString());
        Assert.Equal(code, PeriodCode.Parse(code.ToString()));
        Assert.Equal(2021, code.Year);
        Assert.Equal(text[5..], code.KindToken);
    }

    [Theory]
    [InlineData("2021-H1", PeriodKind.HalfYear, 0)]
    [InlineData("2021-9M", PeriodKind.NineMonths, 0)]
    [InlineData("2021-Y", PeriodKind.Year, 0)]
    [InlineData("2021-Q3", PeriodKind.Quarter, 3)]
    [InlineData("2021-M01", PeriodKind.Month, 1)]
    [InlineData("2021-M12", PeriodKind.Month, 12)]
    public void A_code_names_its_kind_and_number(string text, PeriodKind kind, int number)
    {
        var code = PeriodCode.Parse(text);
        Assert.Equal(kind, code.Kind);
        Assert.Equal(number, code.Number);
    }

    [Theory]
    [InlineData("2021-H2")] // there is no second-half report
    [InlineData("2021-Q0")]
    [InlineData("2021-Q5")]
    [InlineData("2021-M00")]
    [InlineData("2021-M13")]
    [InlineData("2021-M1")] // months always have two digits
    [InlineData("2021-m1")]
    [InlineData("2021-M001")]
    [InlineData("2021-M+1")]
    [InlineData("2021-6M")]
    [InlineData("21-H1")]
    [InlineData("02021-H1")]
    [InlineData("2021H1")]
    [InlineData("2021-")]
    [InlineData("-H1")]
    [InlineData("+021-H1")]
    [InlineData(" 2021-H1")]
    [InlineData("2021-H1 ")]
    [InlineData("2021 -H1")]
    [InlineData("1999-H1")] // before MinYear
    [InlineData("2101-Y")] // after MaxYear
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("2021-H1-2021-H1")]
    public void Invalid_codes_are_rejected(string? text)
    {
        Assert.False(PeriodCode.TryParse(text, out var code));
        Assert.Equal(default, code);
        if (text is not null) Assert.Throws<FormatException>(() => PeriodCode.Parse(text));
    }

    [Theory]
    [InlineData("2021-h1", "2021-H1")]
    [InlineData("2021-9m", "2021-9M")]
    [InlineData("2021-y", "2021-Y")]
    [InlineData("2021-q2", "2021-Q2")]
    [InlineData("2021-m03", "2021-M03")]
    public void Kind_tokens_are_read_case_insensitively_and_written_in_upper_case(string text, string canonical)
    {
        Assert.True(PeriodCode.TryParse(text, out var code));
        Assert.Equal(canonical, code.ToString());
    }

    [Fact]
    public void The_year_range_ends_are_accepted()
    {
        Assert.Equal(2000, PeriodCode.Parse("2000-Y").Year);
        Assert.Equal(2100, PeriodCode.Parse("2100-M12").Year);
    }

    [Fact]
    public void Parse_error_names_the_code_in_Vietnamese()
    {
        var ex = Assert.Throws<FormatException>(() => PeriodCode.Parse("2021-H2"));
        Assert.Equal("Mã kỳ “2021-H2” không hợp lệ.", ex.Message);
    }

    [Theory]
    [InlineData("2021-H1", "6 tháng đầu năm 2021")]
    [InlineData("2021-9M", "9 tháng năm 2021")]
    [InlineData("2021-Y", "năm 2021")]
    [InlineData("2021-Q1", "quý I năm 2021")]
    [InlineData("2021-Q2", "quý II năm 2021")]
    [InlineData("2021-Q3", "quý III năm 2021")]
    [InlineData("2021-Q4", "quý IV năm 2021")]
    [InlineData("2021-M01", "tháng 01 năm 2021")]
    [InlineData("2021-M02", "tháng 02 năm 2021")]
    [InlineData("2021-M03", "tháng 3 năm 2021")]
    [InlineData("2021-M10", "tháng 10 năm 2021")]
    [InlineData("2021-M12", "tháng 12 năm 2021")]
    public void Each_period_has_a_Vietnamese_name(string text, string expected) =>
        Assert.Equal(expected, PeriodCode.Parse(text).Name);

    [Theory]
    [InlineData("2021-H1", "6T/2021")]
    [InlineData("2021-9M", "9T/2021")]
    [InlineData("2021-Y", "Năm 2021")]
    [InlineData("2021-Q2", "Q2/2021")]
    [InlineData("2021-M02", "T02/2021")]
    [InlineData("2021-M11", "T11/2021")]
    public void Each_period_has_a_short_label_for_charts(string text, string expected) =>
        Assert.Equal(expected, PeriodCode.Parse(text).ShortName);

    [Theory]
    [InlineData("H1", 2021, "2021-H1")]
    [InlineData("9M", 2022, "2022-9M")]
    [InlineData("Y", 2020, "2020-Y")]
    [InlineData("Q2", 2021, "2021-Q2")]
    [InlineData("M07", 2021, "2021-M07")]
    [InlineData("q4", 2021, "2021-Q4")]
    public void A_code_is_made_from_its_kind_token_and_year(string token, int year, string expected) =>
        Assert.Equal(expected, PeriodCode.FromKindToken(token, year).ToString());

    [Theory]
    [InlineData("H2", 2021)]
    [InlineData("Q5", 2021)]
    [InlineData("M7", 2021)]
    [InlineData("", 2021)]
    [InlineData("H1", 1999)]
    [InlineData("H1", 12021)]
    public void Unknown_kind_tokens_or_years_are_refused(string token, int year)
    {
        var ex = Assert.Throws<FormatException>(() => PeriodCode.FromKindToken(token, year));
        Assert.Contains("không hợp lệ", ex.Message);
    }

    [Theory]
    [InlineData(2021, PeriodKind.Quarter, 0)]
    [InlineData(2021, PeriodKind.Quarter, 5)]
    [InlineData(2021, PeriodKind.Month, 0)]
    [InlineData(2021, PeriodKind.Month, 13)]
    [InlineData(2021, PeriodKind.HalfYear, 1)]
    [InlineData(2021, PeriodKind.Year, 2)]
    [InlineData(1999, PeriodKind.Year, 0)]
    [InlineData(2101, PeriodKind.Year, 0)]
    public void The_constructor_refuses_impossible_periods(int year, PeriodKind kind, int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PeriodCode(year, kind, number));

    [Fact]
    public void Codes_with_the_same_parts_are_equal()
    {
        Assert.Equal(new PeriodCode(2021, PeriodKind.Quarter, 2), PeriodCode.Parse("2021-Q2"));
        Assert.NotEqual(new PeriodCode(2021, PeriodKind.Quarter, 2), PeriodCode.Parse("2021-Q3"));
    }
}
