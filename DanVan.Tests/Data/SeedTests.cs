using DanVan.Data;
using DanVan.Domain.Submissions;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Data;

[Collection(SharedPortal.Name)]
public sealed class SeedTests(DanVanFactory factory)
{
    /// <summary>DOMAIN.md's table of the model report's figures for 2021-H1, typed here independently of the seed file.</summary>
    public static readonly IReadOnlyDictionary<string, decimal?> ModelReport = new Dictionary<string, decimal?>
    {
        ["VB.QDQP"] = 21, ["VB.CT"] = 11, ["VB.QD"] = 1251, ["VB.QDXP"] = 33, ["VB.TB"] = 200, ["VB.CV"] = 2543,
        ["VB.BC"] = 84, ["VB.KH"] = 84, ["VB.TTR"] = 60, ["VB.BCSD"] = 170, ["VB.VP"] = 859, ["VB.TONG"] = 5316,
        ["KKTS.NGUOI"] = 61, ["TTND.NGUOI"] = 3, ["KL.VIPHAM"] = 0, ["DV.VB.DANGUY"] = 2, ["DV.VB.CHINHQUYEN"] = 13,
        ["DV.VB.TONG"] = 15, ["DV.KT.DOAN"] = 0, ["DV.KT.DONVI"] = 0, ["GS.CUOC"] = null, ["GS.YKIEN"] = null, ["GS.TIEPTHU"] = null,
        ["TTHC.CB.MOI"] = 13, ["TTHC.CB.THAYTHE"] = 11, ["TTHC.CB.SUADOI"] = 26, ["TTHC.CB.BAIBO"] = 62, ["TTHC.QTNB"] = 10,
        ["DVC.TONG"] = 414, ["DVC.MUC4"] = 90, ["TTHC.CATGIAM"] = 1, ["TTHC.CATGIAM.TYLE"] = 1, ["PAKN.TONG"] = 90,
        ["PAKN.HETHONG"] = 10, ["CCHC.HUYEN.MOTCUA"] = 100, ["CCHC.SO.LIENTHONG"] = 100, ["CCHC.TTPVHCC"] = 1,
        ["HS.SO.KYTRUOC"] = 2353, ["HS.SO.MOI"] = 28262, ["HS.SO.TONG"] = 30615, ["HS.SO.DAGQ"] = 28916,
        ["HS.SO.DUNGHAN"] = 28509, ["HS.SO.TREHAN"] = 407, ["HS.SO.DANGGQ"] = 1699,
        ["HS.DD.KYTRUOC"] = 4058, ["HS.DD.MOI"] = 15338, ["HS.DD.TONG"] = 19388, ["HS.DD.DAGQ"] = 15964,
        ["HS.DD.DUNGHAN"] = 12154, ["HS.DD.TREHAN"] = 3810, ["HS.DD.DANGGQ"] = 3424,
        ["HS.DKDD.KYTRUOC"] = 4370, ["HS.DKDD.MOI"] = 8025, ["HS.DKDD.TONG"] = 12395, ["HS.DKDD.DAGQ"] = 8753,
        ["HS.DKDD.DUNGHAN"] = 6286, ["HS.DKDD.TREHAN"] = 2467, ["HS.DKDD.DANGGQ"] = 3642,
        ["HS.TONG"] = 50003, ["HS.TAICHO.SNN"] = 797, ["HS.TAICHO.SCT"] = 2362, ["HS.TAICHO.TONG"] = 3159,
        ["HS.TRUCTUYEN"] = 7888, ["HS.BUUCHINH.NHAN"] = 3328, ["HS.BUUCHINH.TRA"] = 3019,
        ["HS.LTVP.NHAN"] = 447, ["HS.LTVP.DAGQ"] = 427, ["HS.LTVP.DANGGQ"] = 20,
        ["HL.TONG"] = 20782, ["HL.HAILONG"] = 20739, ["HL.BINHTHUONG"] = 43, ["HL.KHONGHAILONG"] = 0,
        ["TCD.TX.LUOT"] = 111, ["TCD.TX.NGUOI"] = 131, ["TCD.TX.DOAN"] = 1, ["TCD.CT.DINHKY"] = 3, ["TCD.CT.DOTXUAT"] = 1,
        ["TCD.CT.DOITHOAI"] = 1, ["TCD.CT.LUOT"] = 5, ["TCD.CT.NGUOI"] = 48, ["TCD.CT.DOAN"] = 2,
        ["DON.TONG"] = 515, ["DON.NHIEUNGUOI"] = 23, ["DON.DUDK"] = 233, ["DON.KHONGDUDK"] = 282,
        ["DON.KN"] = 174, ["DON.TC"] = 34, ["DON.PAKN"] = 307, ["DON.PAKN.DUDK"] = 73, ["DON.PAKN.CHUYEN"] = 68,
        ["DON.PAKN.DONDOC"] = 5, ["KN.GQ"] = null, ["KN.TONG"] = null, ["TC.GQ"] = null, ["TC.TONG"] = null,
        ["VU.GQ"] = 2, ["VU.TONG"] = 2,
    };

    [Fact]
    public async Task Every_figure_of_the_model_report_is_seeded_for_2021_H1_and_blanks_stay_blank()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var period = await db.Periods.SingleAsync(p => p.Code == "2021-H1");
        var stored = await (
                from i in db.Indicators
                join v in db.Values.Where(v => v.PeriodId == period.Id) on i.Id equals v.IndicatorId into vs
                from v in vs.DefaultIfEmpty()
                where i.TemplateId == period.TemplateId && i.Formula == null
                select new { i.Code, Number = v == null ? null : v.Number })
            .ToDictionaryAsync(x => x.Code, x => x.Number);

        Assert.Equal(ModelReport.Keys.Order(), stored.Keys.Order());
        foreach (var (code, expected) in ModelReport)
        {
            Assert.True(expected == stored[code], $"{code}: expected {expected?.ToString() ?? "blank"}, stored {stored[code]?.ToString() ?? "blank"}");
        }
    }

    [Fact]
    public async Task Demo_2021_H1_submissions_are_accepted_and_2021_Y_is_open()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var h1 = await db.Periods.SingleAsync(p => p.Code == "2021-H1");
        var year = await db.Periods.SingleAsync(p => p.Code == "2021-Y");

        var statuses = await db.Submissions.Where(s => s.PeriodId == h1.Id).Select(s => s.Status).ToListAsync();
        Assert.Equal(4, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(SubmissionStatus.Accepted, s));
        Assert.True(year.IsOpenForUnits(DateOnly.FromDateTime(DanVanFactory.Now.Date)));
        Assert.False(await db.Submissions.AnyAsync(s => s.PeriodId == year.Id));

        var explanation = await db.Explanations.SingleAsync();
        Assert.Contains("DD", explanation.RuleCode);
        Assert.True(await db.Narratives.CountAsync() > 10);
        var report = await db.Reports.Include(r => r.SectionTexts).SingleAsync(r => r.PeriodId == h1.Id);
        Assert.Equal("876/BC-VP", report.Number);
        Assert.Equal(new DateOnly(2021, 6, 7), report.Date);
        Assert.Equal("Lưu: VT, HCTC.", report.Recipients[^1]);
    }

    [Fact]
    public async Task The_template_holds_every_rule_of_the_domain_as_data()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var rules = await db.Rules.ToListAsync();

        // 21 within-period relations of DOMAIN.md (the "for each X" ones three times) and 3 carried-over checks.
        Assert.Equal(29, rules.Count);
        Assert.Equal(3, rules.Count(r => r.IsAcrossPeriods));
        var sections = await db.OutlineSections.CountAsync();
        Assert.True(sections > 40);
    }
}
