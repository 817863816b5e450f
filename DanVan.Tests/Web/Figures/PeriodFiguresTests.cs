using DanVan.Tests.Support;
using DanVan.Web.Features.Figures;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Web.Figures;

/// <summary>The one loader of a period's figures: entered by code, computed with formulas, the period before by code.</summary>
[Collection(SharedPortal.Name)]
public sealed class PeriodFiguresTests(DanVanFactory app)
{
    [Fact]
    public async Task A_periods_figures_hold_entered_computed_and_previous_values_by_code()
    {
        var figures = await app.QueryAsync(async db =>
            await PeriodFigures.LoadAsync(db, await db.Periods.AsNoTracking().SingleAsync(p => p.Code == "2021-H1"), CancellationToken.None));

        Assert.Equal(50003m, figures.Entered["HS.TONG"].Number);
        Assert.Equal(50003m, figures.Values.Current("hs.tong"));
        Assert.Equal(28509m * 100 / 28916, figures.Values.Current("HS.SO.TYLE.DUNGHAN")!.Value, 10);
        Assert.Equal("2020-Y", figures.Previous?.Code);
        Assert.Equal(2353m, figures.Values.Previous("HS.SO.DANGGQ"));
    }

    [Fact]
    public async Task The_first_period_has_no_previous_figures()
    {
        var figures = await app.QueryAsync(async db =>
            await PeriodFigures.LoadAsync(db, await db.Periods.AsNoTracking().SingleAsync(p => p.Code == "2019-H1"), CancellationToken.None));

        Assert.Null(figures.Previous);
        Assert.Null(figures.PreviousValues);
        Assert.Null(figures.Values.Previous("HS.SO.DANGGQ"));
    }
}
