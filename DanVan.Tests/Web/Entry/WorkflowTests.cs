using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Tests.Support;

namespace DanVan.Tests.Web.Entry;

public sealed class WorkflowTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Every HCTC figure of the model report (all rules hold), so that only what a test breaks is flagged.</summary>
    internal static Dictionary<string, string> HctcFigures() => new()
    {
        ["v:VB.QDQP"] = "21", ["v:VB.CT"] = "11", ["v:VB.QD"] = "1.251", ["v:VB.QDXP"] = "33", ["v:VB.TB"] = "200",
        ["v:VB.CV"] = "2.543", ["v:VB.BC"] = "84", ["v:VB.KH"] = "84", ["v:VB.TTR"] = "60", ["v:VB.BCSD"] = "170",
        ["v:VB.VP"] = "859", ["v:VB.TONG"] = "5.316", ["v:KKTS.NGUOI"] = "61", ["v:TTND.NGUOI"] = "3", ["v:KL.VIPHAM"] = "0",
        ["v:DV.VB.DANGUY"] = "2", ["v:DV.VB.CHINHQUYEN"] = "13", ["v:DV.VB.TONG"] = "15", ["v:DV.KT.DOAN"] = "0", ["v:DV.KT.DONVI"] = "0",
    };

    [Fact]
    public async Task Submit_without_required_figures_is_refused_and_the_draft_is_kept()
    {
        var unit = await _app.SignedInAsync("hctc@danvan.local");
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "HCTC");

        var response = await page.SendAsync(new Dictionary<string, string> { ["v:VB.QDQP"] = "21" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var after = await EntryPage.FromResponseAsync(unit, response);
        Assert.Contains("Còn thiếu", after.Document.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal("Đang nhập", after.Status);
        Assert.Equal("21", after.ValueOf("VB.QDQP"));
    }

    [Fact]
    public async Task Submit_with_unexplained_violation_is_refused_and_with_an_explanation_succeeds()
    {
        var unit = await _app.SignedInAsync("hctc@danvan.local");
        var figures = HctcFigures();
        figures["v:VB.TONG"] = "5.300";
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "HCTC");
        await page.SaveAsync(figures);

        page = await EntryPage.OpenAsync(unit, "2021-Y", "HCTC");
        Assert.Contains("5.300", page.Violations);
        Assert.Contains("5.316", page.Violations);
        var refused = await page.SendAsync(new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Cần giải trình", (await FormClient.ParseAsync(refused)).QuerySelector(".alert-danger")!.TextContent);

        page = await EntryPage.OpenAsync(unit, "2021-Y", "HCTC");
        var rule = page.Document.QuerySelector("[data-rule]")!.GetAttribute("data-rule")!;
        var sent = await page.SendAsync(new Dictionary<string, string> { ["e:" + rule] = "Số liệu tổng theo sổ văn thư, chênh do văn bản mật." });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        page = await EntryPage.OpenAsync(unit, "2021-Y", "HCTC");
        Assert.Equal("Đã gửi", page.Status);
        Assert.True(page.IsReadOnly);
        Assert.Null(page.Document.QuerySelector("button[value='submit']"));
        var blocked = await page.SaveAsync(new Dictionary<string, string> { ["v:VB.QDQP"] = "22" });
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
    }

    [Fact]
    public async Task Compiler_returns_with_a_comment_the_unit_fixes_with_a_reason_resubmits_and_is_accepted()
    {
        var unit = await _app.SignedInAsync("hctc@danvan.local");
        var compiler = await _app.SignedInAsync("tonghop@danvan.local");
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "HCTC");
        Assert.Equal(HttpStatusCode.Redirect, (await page.SendAsync(HctcFigures())).StatusCode);

        var review = await EntryPage.OpenAsync(compiler, "2021-Y", "HCTC");
        var returnForm = review.Document.QuerySelector<IHtmlFormElement>("form[action$='/return']")!;
        var returned = await compiler.PostFormAsync(returnForm, new Dictionary<string, string> { ["comment"] = "Đề nghị kiểm tra lại số công văn." });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

        page = await EntryPage.OpenAsync(unit, "2021-Y", "HCTC");
        Assert.Equal("Bị trả lại", page.Status);
        Assert.Contains("Đề nghị kiểm tra lại số công văn.", page.Document.QuerySelector("[data-testid='return-comment']")!.TextContent);
        var withoutReason = await page.SaveAsync(new Dictionary<string, string> { ["v:VB.CV"] = "2.544", ["v:VB.TONG"] = "5.317" });
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Contains("lý do", (await FormClient.ParseAsync(withoutReason)).QuerySelector(".alert-danger")!.TextContent);

        page = await EntryPage.OpenAsync(unit, "2021-Y", "HCTC");
        var resent = await page.SendAsync(new Dictionary<string, string>
        {
            ["v:VB.CV"] = "2.544", ["v:VB.TONG"] = "5.317", ["reason"] = "Bổ sung 01 công văn ban hành ngày 14/12.",
        });
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);

        review = await EntryPage.OpenAsync(compiler, "2021-Y", "HCTC");
        Assert.Equal("Đã gửi", review.Status);
        var accept = review.Document.QuerySelector<IHtmlFormElement>("form[action$='/accept']")!;
        Assert.Equal(HttpStatusCode.Redirect, (await compiler.PostFormAsync(accept, new Dictionary<string, string>())).StatusCode);

        var board = await compiler.GetDocumentAsync("/review/2021-Y");
        Assert.Contains("Đã tiếp nhận", board.QuerySelector("tr[data-unit='HCTC']")!.TextContent);
        Assert.Contains("tonghop@danvan.local", board.QuerySelector("tr[data-unit='HCTC']")!.TextContent);
        Assert.Contains("Chưa nhập", board.QuerySelector("tr[data-unit='BTCD']")!.TextContent);
        var history = await unit.GetDocumentAsync("/entry/2021-Y/HCTC/history/VB.CV");
        Assert.Contains("Bổ sung 01 công văn", history.QuerySelector("[data-testid='history']")!.TextContent);
    }

    [Fact]
    public async Task After_the_unit_deadline_units_cannot_edit_until_an_admin_reopens()
    {
        _ = _app.Server; // seeds 2021-Y with deadlines from today
        _app.Clock.Advance(TimeSpan.FromDays(15)); // the demo deadline is today + 14 days
        var unit = await _app.SignedInAsync("btcd@danvan.local");

        var page = await EntryPage.OpenAsync(unit, "2021-Y", "BTCD");
        Assert.True(page.IsReadOnly);
        Assert.Contains("quá hạn", page.Document.QuerySelector("[data-testid='read-only']")!.TextContent);
        var refused = await page.SaveAsync(new Dictionary<string, string> { ["v:DON.TONG"] = "1" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        var admin = await _app.SignedInAsync("admin@danvan.local");
        var adminView = await EntryPage.OpenAsync(admin, "2021-Y", "BTCD");
        var reopen = adminView.Document.QuerySelector<IHtmlFormElement>("form[action$='/reopen']")!;
        var until = DateOnly.FromDateTime(DanVanFactory.Now.Date).AddDays(17).ToString("yyyy-MM-dd");
        var reopened = await admin.PostFormAsync(reopen, new Dictionary<string, string> { ["until"] = until, ["reason"] = "Đơn vị xin gia hạn do bão." });
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);

        page = await EntryPage.OpenAsync(unit, "2021-Y", "BTCD");
        Assert.False(page.IsReadOnly);
        Assert.Equal(HttpStatusCode.Redirect, (await page.SaveAsync(new Dictionary<string, string> { ["v:DON.TONG"] = "1" })).StatusCode);
    }

    [Fact]
    public async Task Only_compilers_accept_or_return()
    {
        var unit = await _app.SignedInAsync("hctc@danvan.local");
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "HCTC");
        await page.SendAsync(HctcFigures());

        foreach (var email in new[] { "hctc@danvan.local", "lanhdao@danvan.local", "admin@danvan.local" })
        {
            var client = await _app.SignedInAsync(email);
            var home = await client.GetDocumentAsync("/");
            var token = home.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
            var response = await client.PostAsync("/review/2021-Y/HCTC/accept",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
        }
        Assert.Equal("Đã gửi", (await EntryPage.OpenAsync(unit, "2021-Y", "HCTC")).Status);
    }
}
