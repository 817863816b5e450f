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

    [Fact]
    public async Task Several_periods_load_in_one_call_with_the_same_figures_as_one_by_one()
    {
        var (both, h1, y2020) = await app.QueryAsync(async db =>
        {
            var periods = await db.Periods.AsNoTracking().Where(p => p.Code == "2021-H1" || p.Code == "2020-Y").ToListAsync();
            var ct = CancellationToken.None;
            return (await PeriodFigures.EnteredAsync(db, periods, ct),
                await PeriodFigures.EnteredAsync(db, periods.Single(p => p.Code == "2021-H1"), null, ct),
                await PeriodFigures.EnteredAsync(db, periods.Single(p => p.Code == "2020-Y"), null, ct));
        });

        Assert.Equal(2, both.Count);
        Assert.Contains(both.Values, f => f.Count == h1.Count && f.All(e => h1[e.Key] == e.Value));
        Assert.Contains(both.Values, f => f.Count == y2020.Count && f.All(e => y2020[e.Key] == e.Value));
        Assert.Equal(2353m, y2020["HS.SO.DANGGQ"].Number);
    }

    [Fact]
    public async Task A_figure_stored_for_a_unit_that_does_not_supply_it_counts_nowhere()
    {
        await using var own = new DanVanFactory();
        // A stray row: 2021-H1's HS.SO.DANGGQ (1.699, supplied by another unit) stored for the first other unit too.
        var inserted = await own.QueryAsync(db => db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Values" ("SubmissionId", "PeriodId", "UnitId", "IndicatorId", "Number", "Text", "IsPrefilled", "UpdatedAt", "UpdatedBy")
            SELECT s."Id", s."PeriodId", s."UnitId", i."Id", 900000, NULL, 0, v."UpdatedAt", 'test'
            FROM "Indicators" i
            JOIN "Periods" p ON p."TemplateId" = i."TemplateId" AND p."Code" = '2021-H1'
            JOIN "Values" v ON v."IndicatorId" = i."Id" AND v."PeriodId" = p."Id" AND v."UnitId" = i."UnitId"
            JOIN "Submissions" s ON s."PeriodId" = p."Id" AND s."UnitId" <> i."UnitId"
            WHERE i."Code" = 'HS.SO.DANGGQ'
            ORDER BY s."UnitId" LIMIT 1
            """));
        Assert.Equal(1, inserted);

        var figures = await own.QueryAsync(async db =>
            await PeriodFigures.LoadAsync(db, await db.Periods.AsNoTracking().SingleAsync(p => p.Code == "2021-H1"), CancellationToken.None));
        Assert.Equal(1699m, figures.Entered["HS.SO.DANGGQ"].Number);

        var leader = await own.ApiAsync("lanhdao@danvan.local");
        var dashboard = await (await leader.GetAsync("/api/v1/periods/2021-H1/dashboard")).JsonAsync();
        var pending = dashboard.GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "dang-giai-quyet");
        Assert.Equal(8765m, pending.GetProperty("value").GetDecimal()); // 1.699 + 3.424 + 3.642, the stray row left out
    }
}
