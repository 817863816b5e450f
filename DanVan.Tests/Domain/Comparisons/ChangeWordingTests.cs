using DanVan.Domain.Comparisons;
using DanVan.Domain.Indicators;

namespace DanVan.Tests.Domain.Comparisons;

public sealed class ChangeWordingTests
{
    private static string Say(IndicatorNature nature, decimal? now, decimal? then, string measure = "hồ sơ") =>
        ChangeWording.Describe(FigureChange.Of(nature, now, then), measure, ChangeWording.SamePeriodOf(2020));

    [Fact]
    public void A_count_that_grew_says_by_how_much_in_its_measure_and_in_percent() =>
        Assert.Equal("tăng 6.587 hồ sơ (15,2%) so với cùng kỳ năm 2020", Say(IndicatorNature.Flow, 50_003, 43_416));

    [Fact]
    public void A_count_that_fell_says_giam() =>
        Assert.Equal("giảm 40 đơn (7,2%) so với cùng kỳ năm 2020", Say(IndicatorNature.Flow, 515, 555, "đơn"));

    [Fact]
    public void An_unchanged_figure_is_bang() => Assert.Equal("bằng cùng kỳ năm 2020", Say(IndicatorNature.ClosingStock, 12, 12, "dịch vụ"));

    [Fact]
    public void A_rate_changes_in_percentage_points() =>
        Assert.Equal("tăng 0,5 điểm phần trăm so với cùng kỳ năm 2020", Say(IndicatorNature.Rate, 98.7m, 98.2m, "%"));

    [Fact]
    public void From_zero_there_is_no_percentage() =>
        Assert.Equal("tăng 3 đoàn so với cùng kỳ năm 2020", Say(IndicatorNature.Flow, 3, 0, "đoàn"));

    [Fact]
    public void Without_the_earlier_figure_it_says_the_missing_mark()
    {
        Assert.Equal("…", Say(IndicatorNature.Flow, 50_003, null));
        Assert.Equal("…", Say(IndicatorNature.Descriptive, 1, 1));
    }
}
