using DanVan.Data.Periods;
using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using DanVan.Data.Templates;
using DanVan.Domain.Common;
using DanVan.Domain.Periods;
using DanVan.Tests.Support;
using DanVan.Tests.Web.Entry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.Admin.Templates;

/// <summary>Draft → publish → new periods bind to the new version; past periods and issued reports never change.</summary>
public sealed class TemplateVersionTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<int> PublishedVersionOneAsync() =>
        await TemplateAdminClient.WithDbAsync(_app, db => db.Templates.Where(t => t.Version == 1).Select(t => t.Id).SingleAsync());

    [Fact]
    public async Task Publishing_a_draft_makes_the_version_new_periods_open_with_and_old_periods_keep_theirs()
    {
        var admin = await TemplateAdminClient.SignInAsync(_app);
        var v1 = await PublishedVersionOneAsync();
        var draft = await admin.CreateDraftAsync();
        Assert.NotEqual(v1, draft);

        var kytruoc = await TemplateAdminClient.IndicatorIdAsync(_app, draft, "HS.SO.KYTRUOC");
        await admin.PostAndFollowAsync($"/admin/templates/{draft}/indicators/{kytruoc}", "form[data-testid='indicator-form']", new Dictionary<string, string>
        {
            ["Name"] = "Hồ sơ kỳ trước chuyển sang (các Sở)", ["Measure"] = "hồ sơ", ["Kind"] = "count", ["Unit"] = "TTPVHCC",
            ["Group"] = "ketqua.ttpvhcc.hoso", ["Required"] = "true", ["Formula"] = "",
        });
        // A figure computed from the period before only, cited in the appendix.
        await admin.PostAndFollowAsync($"/admin/templates/{draft}/indicators", $"form[action='/admin/templates/{draft}/indicators']", new Dictionary<string, string>
        {
            ["Code"] = "HS.SO.CHUYENSANG", ["Name"] = "Hồ sơ các Sở chuyển sang từ kỳ trước", ["Measure"] = "hồ sơ", ["Kind"] = "count", ["Unit"] = "TTPVHCC",
            ["Group"] = "ketqua.ttpvhcc.hoso", ["Required"] = "false", ["Formula"] = "PREV(HS.SO.DANGGQ)",
        });
        await admin.PostAndFollowAsync($"/admin/templates/{draft}/appendix", $"form[action='/admin/templates/{draft}/appendix']", new Dictionary<string, string>
        {
            ["Level"] = "0", ["Text"] = "Hồ sơ các Sở chuyển sang từ kỳ trước: {HS.SO.CHUYENSANG}",
        });
        // Created after the draft, not yet published: still the old version.
        Assert.Equal(v1, (await TemplateAdminClient.WithDbAsync(_app, db => TemplateVersions.CurrentAsync(db, CancellationToken.None)))!.Id);

        var overview = await admin.PostAndFollowAsync($"/admin/templates/{draft}", $"form[action='/admin/templates/{draft}/publish']", new Dictionary<string, string>());
        Assert.Contains("Đã phát hành", overview.QuerySelector("[data-testid='message']")!.TextContent);
        Assert.Equal("Đang dùng cho kỳ mới", overview.QuerySelector("[data-testid='version-status']")!.TextContent.Trim());
        var list = await admin.PageAsync("/admin/templates");
        Assert.Equal("Đã phát hành", list.QuerySelector("tr[data-version='1'] .badge")!.TextContent.Trim());
        Assert.Equal("Đang dùng cho kỳ mới", list.QuerySelector("tr[data-version='2'] .badge")!.TextContent.Trim());

        // The period admin opens 2021-Q1 with the current version (that page is another feature's; the domain does it here).
        await TemplateAdminClient.WithDbAsync(_app, async db =>
        {
            var current = await TemplateVersions.CurrentAsync(db, CancellationToken.None);
            var period = ReportingPeriod.Create(PeriodCode.Parse("2021-Q1"), current!.Id);
            period.Enrol(await Participation.EligibleUnitIdsAsync(db, current.Id, CancellationToken.None));
            db.Periods.Add(period);
            return await db.SaveChangesAsync();
        });
        var bindings = await TemplateAdminClient.WithDbAsync(_app, db => db.Periods.ToDictionaryAsync(p => p.Code, p => p.TemplateId));
        Assert.Equal(draft, bindings["2021-Q1"]);
        Assert.All(bindings.Where(b => b.Key != "2021-Q1"), b => Assert.Equal(v1, b.Value));

        // The unit sees the new name in the new period, the old one in the open 2021-Y; the carried-over figure of
        // 2021-Q1 comes from 2020-Y, a period of the old version, found by code.
        var unit = await _app.SignedInAsync("ttpvhcc@danvan.local");
        var q1 = await EntryPage.OpenAsync(unit, "2021-Q1", "TTPVHCC");
        Assert.Contains("Hồ sơ kỳ trước chuyển sang (các Sở)", q1.Document.Body!.TextContent);
        Assert.Equal("2.353", q1.ValueOf("HS.SO.KYTRUOC"));
        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        var html = await (await compiler.GetAsync("/api/v1/periods/2021-Q1/report.html")).Content.ReadAsStringAsync();
        var cited = html[html.IndexOf("Hồ sơ các Sở chuyển sang từ kỳ trước: ", StringComparison.Ordinal)..];
        Assert.Contains("2.353", cited[..Math.Min(cited.Length, 400)]);
        var year = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        Assert.DoesNotContain("Hồ sơ kỳ trước chuyển sang (các Sở)", year.Document.Body!.TextContent);
    }

    [Fact]
    public async Task The_issued_2021_H1_report_its_rules_and_outline_do_not_change_when_the_template_does()
    {
        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        var leader = await _app.ApiAsync("lanhdao@danvan.local");
        await compiler.SendReadyAsync("2021-H1");
        Assert.Equal("issued", (await (await leader.PostAsync("/api/v1/periods/2021-H1/report/approve", null)).JsonAsync()).GetProperty("state").GetString());
        var pdfBefore = await (await leader.GetAsync("/api/v1/periods/2021-H1/report.pdf")).Content.ReadAsByteArrayAsync();
        var htmlBefore = await (await leader.GetAsync("/api/v1/periods/2021-H1/report.html")).Content.ReadAsByteArrayAsync();
        var admin = await TemplateAdminClient.SignInAsync(_app);
        var v1 = await PublishedVersionOneAsync();
        var exportBefore = await (await admin.Http.GetAsync($"/admin/templates/{v1}/export")).Content.ReadAsByteArrayAsync();
        var previewBefore = await (await compiler.GetAsync("/api/v1/periods/2020-Y/report.html")).Content.ReadAsStringAsync();
        Assert.Contains("Công tác lãnh đạo, chỉ đạo, tổ chức thực hiện “mục tiêu kép”", previewBefore);

        // A new version: a section renamed and moved, an indicator renamed, a rule changed, another deleted.
        var draft = await admin.CreateDraftAsync();
        var vanban = await TemplateAdminClient.SectionIdAsync(_app, draft, "ketqua.vanban");
        await admin.PostAndFollowAsync($"/admin/templates/{draft}/outline/{vanban}", "form[data-testid='section-form']", new Dictionary<string, string>
        {
            ["Title"] = "Công tác tham mưu ban hành văn bản", ["Writer"] = "HCTC", ["RunIn"] = "false",
            ["DefaultText"] = "Đã tham mưu ban hành {VB.TONG} văn bản.",
        });
        await admin.PostAndFollowAsync($"/admin/templates/{draft}/outline", $"form[data-move='down'][action='/admin/templates/{draft}/outline/{vanban}/move']", new Dictionary<string, string>());
        var vbTong = await TemplateAdminClient.IndicatorIdAsync(_app, draft, "VB.TONG");
        await admin.PostAndFollowAsync($"/admin/templates/{draft}/indicators/{vbTong}", "form[data-testid='indicator-form']", new Dictionary<string, string>
        {
            ["Name"] = "Tổng số văn bản đã tham mưu", ["Measure"] = "văn bản", ["Kind"] = "count", ["Unit"] = "HCTC",
            ["Group"] = "ketqua.vanban", ["Required"] = "true", ["Formula"] = "",
        });
        var rule = await TemplateAdminClient.RuleIdAsync(_app, draft, "R.HS.DD.TONG.NHAN");
        await admin.PostAndFollowAsync($"/admin/templates/{draft}/rules/{rule}", "form[data-testid='rule-form']", new Dictionary<string, string>
        {
            ["Left"] = "HS.DD.TONG", ["Op"] = ">=", ["Right"] = "HS.DD.MOI", ["Severity"] = "warning", ["Message"] = "Tổng ({left}) nhỏ hơn tiếp nhận mới ({right}).", ["Intent"] = "save",
        });
        var deleted = await TemplateAdminClient.RuleIdAsync(_app, draft, "R.DON.NHIEUNGUOI");
        await admin.PostAndFollowAsync($"/admin/templates/{draft}/rules", $"form[action='/admin/templates/{draft}/rules/{deleted}/delete']", new Dictionary<string, string>());
        var published = await admin.PostAndFollowAsync($"/admin/templates/{draft}", $"form[action='/admin/templates/{draft}/publish']", new Dictionary<string, string>());
        var changes = published.QuerySelector("[data-testid='changes']")!.TextContent;
        Assert.Contains("R.DON.NHIEUNGUOI bị xóa", changes);
        Assert.Contains("Tổng số văn bản đã tham mưu", changes);

        // The issued document is served byte for byte as before, and version 1 is exactly what it was.
        Assert.Equal(pdfBefore, await (await leader.GetAsync("/api/v1/periods/2021-H1/report.pdf")).Content.ReadAsByteArrayAsync());
        Assert.Equal(htmlBefore, await (await leader.GetAsync("/api/v1/periods/2021-H1/report.html")).Content.ReadAsByteArrayAsync());
        Assert.Equal(exportBefore, await (await admin.Http.GetAsync($"/admin/templates/{v1}/export")).Content.ReadAsByteArrayAsync());
        var h1 = await TemplateAdminClient.WithDbAsync(_app, db => db.Periods.SingleAsync(p => p.Code == "2021-H1"));
        Assert.Equal(v1, h1.TemplateId);
        var v1Rules = await TemplateAdminClient.WithDbAsync(_app, db => db.Rules.Where(r => r.TemplateId == v1).ToListAsync());
        Assert.Equal(29, v1Rules.Count);
        Assert.Equal("HS.DD.KYTRUOC + HS.DD.MOI", v1Rules.Single(r => r.Code == "R.HS.DD.TONG.NHAN").Right);

        // A closed period's live document (2020-Y has no issued report) is still built from its own version.
        var previewAfter = await (await compiler.GetAsync("/api/v1/periods/2020-Y/report.html")).Content.ReadAsStringAsync();
        Assert.Equal(previewBefore, previewAfter);
        Assert.DoesNotContain("Công tác tham mưu ban hành văn bản", previewAfter);
        // The compiler's editor of 2021-H1: no figure of the issued report changed, its rules are version 1's.
        var editor = await (await _app.SignedInAsync("tonghop@danvan.local")).GetDocumentAsync("/reports/2021-H1");
        Assert.Null(editor.QuerySelector("[data-testid='changes']"));
        var violations = await (await compiler.GetAsync("/api/v1/periods/2021-H1/validation")).Content.ReadAsStringAsync();
        Assert.Contains("19.396", violations); // the land-records rule of version 1 still speaks for 2021-H1
    }

    [Fact]
    public async Task Periods_never_bind_to_a_draft()
    {
        var admin = await TemplateAdminClient.SignInAsync(_app);
        var draft = await admin.CreateDraftAsync();
        var error = await Assert.ThrowsAsync<DomainException>(() => TemplateAdminClient.WithDbAsync(_app, db =>
        {
            db.Periods.Add(ReportingPeriod.Create(PeriodCode.Parse("2022-H1"), draft));
            return db.SaveChangesAsync();
        }));
        Assert.Equal(DraftBindingGuard.Message, error.Message);
        Assert.False(await TemplateAdminClient.WithDbAsync(_app, db => db.Periods.AnyAsync(p => p.Code == "2022-H1")));
    }

    [Fact]
    public async Task A_published_version_is_read_only_and_edits_posted_to_it_are_refused()
    {
        var admin = await TemplateAdminClient.SignInAsync(_app);
        var v1 = await PublishedVersionOneAsync();
        var page = await admin.PageAsync($"/admin/templates/{v1}/indicators");
        Assert.NotNull(page.QuerySelector("[data-testid='read-only']"));
        Assert.Empty(page.QuerySelectorAll("form[action*='/indicators']"));

        var token = (await admin.PageAsync("/admin/templates")).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var stamp = await TemplateAdminClient.WithDbAsync(_app, db => db.Templates.Where(t => t.Id == v1).Select(t => t.ConcurrencyStamp).SingleAsync());
        var response = await admin.Http.PostAsync($"/admin/templates/{v1}/indicators", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Stamp"] = stamp.ToString("N"), ["Code"] = "X.MOI", ["Name"] = "Mới", ["Kind"] = "count",
            ["Unit"] = "BTCD", ["Group"] = "ketqua.vanban",
        }));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("đã phát hành nên không sửa được", await TemplateAdminClient.Message(response));
        Assert.False(await TemplateAdminClient.WithDbAsync(_app, db => db.Indicators.AnyAsync(i => i.Code == "X.MOI")));
    }

    [Fact]
    public async Task One_draft_at_a_time_and_discarding_deletes_it_with_an_audit_entry()
    {
        var admin = await TemplateAdminClient.SignInAsync(_app);
        var first = await admin.CreateDraftAsync();
        var list = await admin.PageAsync("/admin/templates");
        Assert.Null(list.QuerySelector("[data-testid='create-draft']"));
        Assert.Equal($"/admin/templates/{first}", list.QuerySelector("[data-testid='open-draft']")!.GetAttribute("href"));

        var after = await admin.PostAndFollowAsync($"/admin/templates/{first}", $"form[action='/admin/templates/{first}/discard']", new Dictionary<string, string>());
        Assert.Contains("Đã hủy bản nháp phiên bản 2", after.QuerySelector("[data-testid='message']")!.TextContent);
        Assert.False(await TemplateAdminClient.WithDbAsync(_app, db => db.Templates.AnyAsync(t => t.IsDraft)));
        Assert.False(await TemplateAdminClient.WithDbAsync(_app, db => db.Indicators.AnyAsync(i => i.TemplateId == first)));
        var actions = await TemplateAdminClient.WithDbAsync(_app, db => db.AuditEntries.Where(a => a.Action.StartsWith("template.")).Select(a => a.Action).ToListAsync());
        Assert.Equal(["template.draft.created", "template.draft.discarded"], actions);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/admin/templates/{first}")).StatusCode);

        var second = await admin.CreateDraftAsync();
        Assert.Equal(2, await TemplateAdminClient.WithDbAsync(_app, db => db.Templates.Where(t => t.Id == second).Select(t => t.Version).SingleAsync()));
    }

    [Fact]
    public async Task Two_saves_racing_on_the_same_draft_cannot_both_win()
    {
        var admin = await TemplateAdminClient.SignInAsync(_app);
        var draft = await admin.CreateDraftAsync();
        await using var one = _app.Services.CreateAsyncScope();
        await using var two = _app.Services.CreateAsyncScope();
        var first = one.ServiceProvider.GetRequiredService<DanVan.Data.DanVanDbContext>();
        var second = two.ServiceProvider.GetRequiredService<DanVan.Data.DanVanDbContext>();
        var a = await first.Templates.SingleAsync(t => t.Id == draft);
        var b = await second.Templates.SingleAsync(t => t.Id == draft);
        a.Touch("một", DateTimeOffset.UtcNow);
        b.Touch("hai", DateTimeOffset.UtcNow);
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Two_admins_editing_the_same_draft_the_second_is_told_and_nothing_is_overwritten()
    {
        var first = await TemplateAdminClient.SignInAsync(_app);
        var second = await TemplateAdminClient.SignInAsync(_app);
        var draft = await first.CreateDraftAsync();
        var id = await TemplateAdminClient.IndicatorIdAsync(_app, draft, "DON.TONG");
        var url = $"/admin/templates/{draft}/indicators/{id}";
        var pageOfSecond = await second.PageAsync(url);

        await first.PostAndFollowAsync(url, "form[data-testid='indicator-form']", Fields("Đơn tiếp nhận (bản của người thứ nhất)"));
        var form = pageOfSecond.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[data-testid='indicator-form']")!;
        var response = await second.Http.PostFormAsync(form, Fields("Đơn tiếp nhận (bản của người thứ hai)"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("vừa được sửa bởi admin@danvan.local", await TemplateAdminClient.Message(response));
        var name = await TemplateAdminClient.WithDbAsync(_app, db => db.Indicators.Where(i => i.Id == id).Select(i => i.Name).SingleAsync());
        Assert.Equal("Đơn tiếp nhận (bản của người thứ nhất)", name);

        static Dictionary<string, string> Fields(string name) => new()
        {
            ["Name"] = name, ["Measure"] = "đơn", ["Kind"] = "count", ["Unit"] = "BTCD", ["Group"] = "ketqua.tiepdan.donthu", ["Required"] = "true", ["Formula"] = "",
        };
    }
}
