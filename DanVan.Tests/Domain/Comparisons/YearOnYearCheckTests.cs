using DanVan.Domain.Comparisons;
using DanVan.Domain.Indicators;

namespace DanVan.Tests.Domain.Comparisons;

public sealed class YearOnYearCheckTests
{
    private static string? Warn(decimal now, decimal then, PlausibilityThreshold? threshold = null) =>
        YearOnYearCheck.Warning("Tiếp nhận mới", FigureChange.Of(IndicatorNature.Flow, now, then), 2020, threshold ?? PlausibilityThreshold.Default);

    [Fact]
    public void A_jump_beyond_half_names_both_figures_and_asks_for_a_check() =>
        Assert.Equal("Tiếp nhận mới (48.000) tăng 69,8% so với cùng kỳ năm 2020 (28.262): đề nghị kiểm tra lại hoặc giải trình",
            Warn(48_000, 28_262));

    [Theory]
    [InlineData(28_262, 28_262 * 1.5)] // exactly +50% is not beyond
    [InlineData(6, 3)] // +100% but only 3 more
    [InlineData(100, 81)] // +23%
    public void A_plausible_change_is_not_flagged(decimal now, decimal then) => Assert.Null(Warn(now, then));

    [Fact]
    public void A_fall_by_more_than_half_and_a_start_from_zero_are_flagged()
    {
        Assert.Contains("giảm 60,0%", Warn(40, 100));
        Assert.Contains("tăng 25 so với", Warn(25, 0));
    }

    [Fact]
    public void The_threshold_can_be_set_per_indicator() =>
        Assert.NotNull(Warn(130, 100, new PlausibilityThreshold(20, 10)));

    [Fact]
    public void Rates_are_not_checked_this_way() =>
        Assert.Null(YearOnYearCheck.Warning("Tỷ lệ", FigureChange.Of(IndicatorNature.Rate, 90, 40), 2020, PlausibilityThreshold.Default));
}
