using System.Net;
using DanVan.Data;
using DanVan.Domain.Auditing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.Entry;

public sealed class EntryFormTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<decimal?> StoredAsync(string period, string unit, string code) => _app.StoredNumberAsync(period, unit, code);

    private async Task<List<AuditEntry>> AuditAsync(string code)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var period = await db.Periods.SingleAsync(p => p.Code == "2021-Y");
        return await db.AuditEntries.Where(a => a.PeriodId == period.Id && a.IndicatorCode == code).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task The_seed_land_records_inconsistency_is_reported_with_its_numbers()
    {
        var compiler = await _app.SignedInAsync("tonghop@danvan.local");

        var page = await EntryPage.OpenAsync(compiler, "2021-H1", "TTPVHCC");

        Assert.Contains("Tổng số hồ sơ (19.388) khác kỳ trước chuyển qua + tiếp nhận mới (4.058 + 15.338 = 19.396)", page.Violations);
        Assert.True(page.IsReadOnly);
        Assert.Equal("Đã tiếp nhận", page.Status);
        Assert.Equal("98,6%", page.ComputedOf("HS.SO.TYLE.DUNGHAN"));
        Assert.Equal("71,8%", page.ComputedOf("HS.DKDD.TYLE.DUNGHAN"));
    }

    [Theory]
    [InlineData("50003", 50003)]
    [InlineData("50.003", 50003)]
    [InlineData("50 003", 50003)]
    [InlineData(" 28.262 ", 28262)]
    public async Task Counts_are_read_as_Vietnamese_staff_type_them(string typed, decimal stored)
    {
        var unit = await _app.SignedInAsync("ttpvhcc@danvan.local");
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");

        var response = await page.SaveAsync(new Dictionary<string, string> { ["v:HS.SO.MOI"] = typed });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(stored, await StoredAsync("2021-Y", "TTPVHCC", "HS.SO.MOI"));
        var after = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        Assert.Equal("Đã lưu nháp.", after.Message);
        Assert.Equal("Đang nhập", after.Status);
        Assert.Equal("28.262" == typed.Trim() ? "28.262" : "50.003", after.ValueOf("HS.SO.MOI"));
    }

    [Fact]
    public async Task A_rate_typed_with_a_comma_is_never_rescaled()
    {
        var unit = await _app.SignedInAsync("kstthc@danvan.local");
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "KSTTHC");

        await page.SaveAsync(new Dictionary<string, string> { ["v:CCHC.HUYEN.MOTCUA"] = "98,6", ["v:TTHC.CATGIAM.TYLE"] = "1%" });

        Assert.Equal(98.6m, await StoredAsync("2021-Y", "KSTTHC", "CCHC.HUYEN.MOTCUA"));
        Assert.Equal(1m, await StoredAsync("2021-Y", "KSTTHC", "TTHC.CATGIAM.TYLE"));
        Assert.Equal("98,6", (await EntryPage.OpenAsync(unit, "2021-Y", "KSTTHC")).ValueOf("CCHC.HUYEN.MOTCUA"));
    }

    [Theory]
    [InlineData("v:CCHC.HUYEN.MOTCUA", "98.6", "dấu phẩy")]
    [InlineData("v:DVC.TONG", "98.6", "phân cách hàng nghìn")]
    [InlineData("v:DVC.TONG", "-5", "không được âm")]
    [InlineData("v:DVC.TONG", "1,5", "số nguyên")]
    [InlineData("v:DVC.TONG", "12345678901234567", "quá lớn")]
    [InlineData("v:DVC.TONG", "mười", "số nguyên")]
    [InlineData("v:CCHC.SO.LIENTHONG", "120", "0 đến 100")]
    [InlineData("v:CCHC.TTPVHCC", "có lẽ", "Có hoặc Không")]
    public async Task Bad_input_gets_a_Vietnamese_message_at_the_field_and_nothing_is_saved(string field, string typed, string message)
    {
        var unit = await _app.SignedInAsync("kstthc@danvan.local");
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "KSTTHC");

        var response = await page.SaveAsync(new Dictionary<string, string> { [field] = typed, ["v:TTHC.QTNB"] = "10" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var again = await EntryPage.FromResponseAsync(unit, response);
        Assert.Contains(message, again.ErrorOf(field[2..]));
        Assert.Equal(typed, again.ValueOf(field[2..]));
        Assert.Equal("10", again.ValueOf("TTHC.QTNB"));
        Assert.Null(await StoredAsync("2021-Y", "KSTTHC", "TTHC.QTNB")); // the valid field was not half-saved either
    }

    [Fact]
    public async Task Blank_stays_blank_and_clearing_a_value_is_audited()
    {
        var unit = await _app.SignedInAsync("hctc@danvan.local");
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "HCTC");
        await page.SaveAsync(new Dictionary<string, string> { ["v:GS.CUOC"] = "", ["v:KL.VIPHAM"] = "0" });
        Assert.Null(await StoredAsync("2021-Y", "HCTC", "GS.CUOC"));
        Assert.Equal(0m, await StoredAsync("2021-Y", "HCTC", "KL.VIPHAM"));

        page = await EntryPage.OpenAsync(unit, "2021-Y", "HCTC");
        await page.SaveAsync(new Dictionary<string, string> { ["v:KL.VIPHAM"] = " " });

        Assert.Null(await StoredAsync("2021-Y", "HCTC", "KL.VIPHAM"));
        var audit = await AuditAsync("KL.VIPHAM");
        Assert.Equal([(null, "0"), ("0", null)], audit.Select(a => (a.OldValue, a.NewValue)).ToArray());
        Assert.Empty(await AuditAsync("GS.CUOC"));
    }

    [Fact]
    public async Task Totals_mismatch_is_shown_with_the_numbers_after_saving()
    {
        var unit = await _app.SignedInAsync("ttpvhcc@danvan.local");
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");

        await page.SaveAsync(new Dictionary<string, string>
        {
            ["v:HS.DD.KYTRUOC"] = "4.058", ["v:HS.DD.MOI"] = "15.338", ["v:HS.DD.TONG"] = "19.388",
        });

        var after = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        Assert.Contains("Tổng số hồ sơ (19.388) khác kỳ trước chuyển qua + tiếp nhận mới (4.058 + 15.338 = 19.396)", after.Violations);
    }

    [Fact]
    public async Task Double_post_of_the_same_form_does_not_duplicate_anything()
    {
        var unit = await _app.SignedInAsync("btcd@danvan.local");
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "BTCD");
        var fields = new Dictionary<string, string> { ["v:DON.TONG"] = "515" };

        var first = await page.SaveAsync(fields);
        var second = await page.SaveAsync(fields); // same stale version, same values: a replay

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Single(await AuditAsync("DON.TONG"));
    }

    [Fact]
    public async Task Two_people_editing_the_same_submission_never_overwrite_each_other_silently()
    {
        var alice = await _app.SignedInAsync("btcd@danvan.local");
        var bob = await _app.SignedInAsync("btcd@danvan.local");
        var seed = await EntryPage.OpenAsync(alice, "2021-Y", "BTCD");
        await seed.SaveAsync(new Dictionary<string, string> { ["v:DON.KN"] = "100" });

        var alicePage = await EntryPage.OpenAsync(alice, "2021-Y", "BTCD");
        var bobPage = await EntryPage.OpenAsync(bob, "2021-Y", "BTCD");
        Assert.Equal(HttpStatusCode.Redirect, (await alicePage.SaveAsync(new Dictionary<string, string> { ["v:DON.KN"] = "174" })).StatusCode);

        var conflict = await bobPage.SaveAsync(new Dictionary<string, string> { ["v:DON.KN"] = "170" });

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await EntryPage.FromResponseAsync(bob, conflict);
        Assert.Contains("người khác cập nhật", page.Document.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal("170", page.ValueOf("DON.KN"));
        Assert.Contains("174", page.Document.QuerySelector("[data-testid='stored']")!.TextContent);
        Assert.Equal(174m, await StoredAsync("2021-Y", "BTCD", "DON.KN"));
    }

    [Fact]
    public async Task History_of_a_value_lists_every_change_with_who_and_when()
    {
        var unit = await _app.SignedInAsync("btcd@danvan.local");
        foreach (var value in new[] { "10", "12", "12", "" })
        {
            var page = await EntryPage.OpenAsync(unit, "2021-Y", "BTCD");
            await page.SaveAsync(new Dictionary<string, string> { ["v:VU.TONG"] = value });
        }

        var history = await unit.GetDocumentAsync("/entry/2021-Y/BTCD/history/VU.TONG");
        var rows = history.QuerySelectorAll("[data-testid='history'] tbody tr").Select(r => r.TextContent).ToList();

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Contains("btcd@danvan.local", r));
        Assert.Contains("26/11/2026", rows[0]);
        var audit = await AuditAsync("VU.TONG");
        Assert.Equal([(null, "10"), ("10", "12"), ("12", null)], audit.Select(a => (a.OldValue, a.NewValue)).ToArray());
    }
}
