using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Domain.Auditing;
using DanVan.Tests.Support;
using DanVan.Tests.Web.Entry;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Web.Admin;

public sealed class AdminPeriodsTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _app.SignedInAsync("admin@danvan.local");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Choosing_a_kind_and_a_year_shows_the_derived_dates_before_anything_is_saved()
    {
        var page = await _admin.GetDocumentAsync("/admin/periods/new?kind=H1&year=2022");

        var preview = page.QuerySelector("[data-testid='preview']")!;
        Assert.False(preview.HasAttribute("hidden"));
        Assert.Equal("từ ngày 15/12/2021 đến ngày 14/6/2022", Normalize(page.QuerySelector("[data-testid='cutoff']")!.TextContent));
        Assert.Contains("6 tháng đầu năm 2022", preview.TextContent);
        Assert.Contains("đơn vị gửi số liệu 16/6/2022", Normalize(preview.TextContent));
        Assert.Contains("gửi báo cáo 20/6/2022", Normalize(preview.TextContent));
        Assert.Contains("phiên bản 1", preview.TextContent);
        var confirm = page.Form("#period-confirm");
        Assert.Equal("2022-06-16", confirm.QuerySelector<IHtmlInputElement>("input[name='Form.UnitDeadline']")!.Value);
        Assert.Equal("H1", confirm.QuerySelector<IHtmlInputElement>("input[name='Form.Kind']")!.Value);
        Assert.False(await _app.DbAsync(db => db.Periods.AnyAsync(p => p.Code == "2022-H1")));
    }

    [Fact]
    public async Task Without_a_choice_the_page_offers_every_kind_and_no_preview()
    {
        var page = await _admin.GetDocumentAsync("/admin/periods/new");

        Assert.True(page.QuerySelector("[data-testid='preview']")!.HasAttribute("hidden"));
        var kinds = page.QuerySelectorAll("#kind option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToList();
        Assert.Equal(["H1", "9M", "Y", "Q1", "Q2", "Q3", "Q4", "M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10", "M11", "M12"], kinds);
        Assert.Equal("2026", page.QuerySelector<IHtmlInputElement>("#year")!.Value);
    }

    [Fact]
    public async Task The_preview_is_also_served_as_json_for_the_pages_script()
    {
        var json = await (await _admin.GetAsync("/admin/periods/preview?kind=Q3&year=2022")).JsonAsync();
        Assert.Equal("2022-Q3", json.GetProperty("code").GetString());
        Assert.Equal("15/6/2022", json.GetProperty("cutoffFrom").GetString());
        Assert.Equal("14/9/2022", json.GetProperty("cutoffTo").GetString());
        Assert.Equal("2022-09-16", json.GetProperty("unitDeadline").GetString());
        Assert.False(json.GetProperty("exists").GetBoolean());

        var bad = await _admin.GetAsync("/admin/periods/preview?kind=H2&year=1999");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.Contains("không hợp lệ", errors.GetProperty("kind").GetString());
        Assert.Equal("Năm phải là số từ 2000 đến 2100.", errors.GetProperty("year").GetString());
    }

    [Fact]
    public async Task Confirming_creates_the_period_on_the_current_template_with_its_units_and_an_audit_entry()
    {
        var page = await _admin.GetDocumentAsync("/admin/periods/new?kind=9M&year=2027");
        var response = await _admin.PostFormAsync(page.Form("#period-confirm"), new Dictionary<string, string>
        {
            ["Form.UnitDeadline"] = "2027-09-20", ["Form.SendDeadline"] = "2027-09-25",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/periods/2027-9M", response.Headers.Location!.OriginalString);
        var period = await _app.DbAsync(db => db.Periods.Include(p => p.Participants).SingleAsync(p => p.Code == "2027-9M"));
        var latest = await _app.DbAsync(db => db.Templates.OrderByDescending(t => t.Version).FirstAsync());
        Assert.Equal(latest.Id, period.TemplateId);
        Assert.Equal((new DateOnly(2026, 12, 15), new DateOnly(2027, 9, 14)), (period.CutoffFrom, period.CutoffTo));
        Assert.Equal((new DateOnly(2027, 9, 20), new DateOnly(2027, 9, 25)), (period.UnitDeadline, period.SendDeadline));
        Assert.False(period.IsLocked);
        Assert.Equal(4, period.Participants.Count);
        var audit = Assert.Single(await _app.AuditAsync(AuditActions.PeriodCreated));
        Assert.Equal(("admin@danvan.local", period.Id), (audit.UserName, audit.PeriodId));
        Assert.Contains("4 đơn vị tham gia", audit.NewValue);

        var detail = await _admin.GetDocumentAsync("/admin/periods/2027-9M");
        Assert.Contains("Đã tạo kỳ 2027-9M.", detail.QuerySelector("[data-testid='message']")!.TextContent);
        Assert.Equal(4, detail.QuerySelectorAll("[data-testid='units'] tbody tr").Length);
        Assert.Contains("Tạo kỳ báo cáo", detail.QuerySelector("[data-testid='log']")!.TextContent);
        var list = await _admin.GetDocumentAsync("/admin/periods");
        var row = list.QuerySelector("tr[data-period='2027-9M']")!;
        Assert.Equal("0/4", row.QuerySelector("[data-testid='sent']")!.TextContent.Trim());
        Assert.Contains("Đang mở", row.QuerySelector("[data-testid='status']")!.TextContent);
        Assert.Contains("Đã khóa", list.QuerySelector("tr[data-period='2021-H1'] [data-testid='status']")!.TextContent);
        Assert.Equal("4/4", list.QuerySelector("tr[data-period='2021-H1'] [data-testid='accepted']")!.TextContent.Trim());

        // The new period is open to its units at once.
        var unit = await _app.SignedInAsync("btcd@danvan.local");
        var entry = await EntryPage.OpenAsync(unit, "2027-9M", "BTCD");
        Assert.False(entry.IsReadOnly);
    }

    [Fact]
    public async Task Creating_a_period_that_exists_says_so_and_changes_nothing()
    {
        var page = await _admin.GetDocumentAsync("/admin/periods/new?kind=Y&year=2021");
        Assert.False(page.QuerySelector("[data-testid='exists']")!.HasAttribute("hidden"));

        var response = await _admin.PostFormAsync(page.Form("#period-confirm"), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var after = await FormClient.ParseAsync(response);
        Assert.Contains("Kỳ 2021-Y (năm 2021) đã có", after.QuerySelector("[data-testid='form-error']")!.TextContent);
        Assert.Empty(await _app.AuditAsync(AuditActions.PeriodCreated));
    }

    [Theory]
    [InlineData("H1", "1999", "Form.Year", "Năm phải là số từ 2000 đến 2100.")]
    [InlineData("H1", "2101", "Form.Year", "Năm phải là số từ 2000 đến 2100.")]
    [InlineData("H1", "hai nghìn", "Form.Year", "Năm phải là số từ 2000 đến 2100.")]
    [InlineData("H1", "", "Form.Year", "Nhập năm.")]
    [InlineData("H2", "2022", "Form.Kind", "Loại kỳ không hợp lệ (H1, 9M, Y, Q1–Q4, M01–M12).")]
    [InlineData("", "2022", "Form.Kind", "Chọn loại kỳ.")]
    public async Task A_bad_kind_or_year_gets_a_message_at_the_field(string kind, string year, string field, string message)
    {
        var preview = await _admin.GetDocumentAsync($"/admin/periods/new?kind={Uri.EscapeDataString(kind)}&year={Uri.EscapeDataString(year)}");
        Assert.Equal(message, preview.FieldError(field));
        Assert.True(preview.QuerySelector("[data-testid='preview']")!.HasAttribute("hidden"));

        var page = await _admin.GetDocumentAsync("/admin/periods/new?kind=H1&year=2022");
        var response = await _admin.PostFormAsync(page.Form("#period-confirm"), new Dictionary<string, string> { ["Form.Kind"] = kind, ["Form.Year"] = year });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await FormClient.ParseAsync(response)).FieldError(field));
        Assert.Equal(0, await _app.DbAsync(db => db.Periods.CountAsync(p => p.Year == 2022 || p.Year < 2000 || p.Year > 2100)));
    }

    [Fact]
    public async Task Deadlines_out_of_order_on_creation_are_refused_at_the_field()
    {
        var page = await _admin.GetDocumentAsync("/admin/periods/new?kind=Q1&year=2023");
        var response = await _admin.PostFormAsync(page.Form("#period-confirm"), new Dictionary<string, string>
        {
            ["Form.UnitDeadline"] = "2023-03-20", ["Form.SendDeadline"] = "2023-03-18",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var after = await FormClient.ParseAsync(response);
        Assert.Equal("Hạn gửi báo cáo không được trước hạn gửi của đơn vị.", after.FieldError("Form.SendDeadline"));
        Assert.Equal("2023-03-18", after.QuerySelector<IHtmlInputElement>("input[name='Form.SendDeadline']")!.Value);
        Assert.False(await _app.DbAsync(db => db.Periods.AnyAsync(p => p.Code == "2023-Q1")));
    }

    [Fact]
    public async Task Editing_the_deadlines_saves_them_and_records_who_when_and_why()
    {
        var response = await _admin.SubmitAsync("/admin/periods/2021-Y", "#deadlines-form", new Dictionary<string, string>
        {
            ["Deadlines.UnitDeadline"] = "2026-12-31", ["Deadlines.SendDeadline"] = "2027-01-05", ["Deadlines.Reason"] = "Sở Nội vụ gia hạn.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var period = await _app.DbAsync(db => db.Periods.SingleAsync(p => p.Code == "2021-Y"));
        Assert.Equal((new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 5)), (period.UnitDeadline, period.SendDeadline));
        var audit = Assert.Single(await _app.AuditAsync(AuditActions.PeriodDeadlinesChanged));
        Assert.Equal(("admin@danvan.local", period.Id, "Sở Nội vụ gia hạn."), (audit.UserName, audit.PeriodId, audit.Reason));
        Assert.Equal("hạn đơn vị 10/12/2026; hạn gửi báo cáo 16/12/2026", audit.OldValue);
        Assert.Equal("hạn đơn vị 31/12/2026; hạn gửi báo cáo 05/01/2027", audit.NewValue);
        Assert.Equal(DanVanFactory.Now.UtcDateTime, audit.At.UtcDateTime);
    }

    [Theory]
    [InlineData("2026-12-31", "2026-12-30", "Deadlines.SendDeadline", "Hạn gửi báo cáo không được trước hạn gửi của đơn vị.")]
    [InlineData("2020-12-01", "2026-12-30", "Deadlines.UnitDeadline", "Hạn gửi của đơn vị không được trước ngày bắt đầu chốt số liệu.")]
    [InlineData("31/02/2026", "2026-12-30", "Deadlines.UnitDeadline", "Ngày không hợp lệ (ngày/tháng/năm).")]
    [InlineData("2026-12-31", "", "Deadlines.SendDeadline", "Nhập ngày.")]
    public async Task Bad_deadlines_are_refused_at_the_field(string unit, string send, string field, string message)
    {
        var response = await _admin.SubmitAsync("/admin/periods/2021-Y", "#deadlines-form", new Dictionary<string, string>
        {
            ["Deadlines.UnitDeadline"] = unit, ["Deadlines.SendDeadline"] = send,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await FormClient.ParseAsync(response)).FieldError(field));
        Assert.Empty(await _app.AuditAsync(AuditActions.PeriodDeadlinesChanged));
    }

    [Fact]
    public async Task A_stale_form_does_not_overwrite_another_admins_change()
    {
        var other = await _app.SignedInAsync("admin@danvan.local");
        var mine = await _admin.GetDocumentAsync("/admin/periods/2021-Y");
        var theirs = await other.PostFormAsync((await other.GetDocumentAsync("/admin/periods/2021-Y")).Form("#deadlines-form"),
            new Dictionary<string, string> { ["Deadlines.UnitDeadline"] = "2026-12-20", ["Deadlines.SendDeadline"] = "2026-12-24" });
        Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);

        var response = await _admin.PostFormAsync(mine.Form("#deadlines-form"),
            new Dictionary<string, string> { ["Deadlines.UnitDeadline"] = "2026-12-31", ["Deadlines.SendDeadline"] = "2027-01-05" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.Contains("vừa được người khác cập nhật", page.QuerySelector("[data-testid='form-error']")!.TextContent);
        Assert.Equal("2026-12-20", page.QuerySelector<IHtmlInputElement>("input[name='Deadlines.UnitDeadline']")!.Value);
        Assert.Equal(new DateOnly(2026, 12, 20), (await _app.DbAsync(db => db.Periods.SingleAsync(p => p.Code == "2021-Y"))).UnitDeadline);
    }

    [Fact]
    public async Task Locking_the_period_stops_unit_writes_and_reopening_lets_them_write_again()
    {
        var unit = await _app.SignedInAsync("btcd@danvan.local");

        var refused = await _admin.SubmitAsync("/admin/periods/2021-Y", "#status-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Cần ghi lý do khóa kỳ.", (await FormClient.ParseAsync(refused)).FieldError("Status.Reason"));

        var locked = await _admin.SubmitAsync("/admin/periods/2021-Y", "#status-form",
            new Dictionary<string, string> { ["Status.Reason"] = "Tạm khóa để tổng hợp." });
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "BTCD");
        Assert.True(page.IsReadOnly);
        var save = await page.SaveAsync(new Dictionary<string, string> { ["v:DON.TONG"] = "1" });
        Assert.Equal(HttpStatusCode.Conflict, save.StatusCode);
        Assert.Contains("Kỳ báo cáo đã khóa", (await FormClient.ParseAsync(save)).QuerySelector(".alert-danger")!.TextContent);

        var reopened = await _admin.SubmitAsync("/admin/periods/2021-Y", "#status-form",
            new Dictionary<string, string> { ["Status.Reason"] = "Đã tổng hợp xong, mở lại cho đơn vị bổ sung." });
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        page = await EntryPage.OpenAsync(unit, "2021-Y", "BTCD");
        Assert.Equal(HttpStatusCode.Redirect, (await page.SaveAsync(new Dictionary<string, string> { ["v:DON.TONG"] = "1" })).StatusCode);

        var lockAudit = Assert.Single(await _app.AuditAsync(AuditActions.PeriodLocked));
        var reopenAudit = Assert.Single(await _app.AuditAsync(AuditActions.PeriodReopened));
        Assert.Equal(("admin@danvan.local", "Tạm khóa để tổng hợp."), (lockAudit.UserName, lockAudit.Reason));
        Assert.Equal("Đã tổng hợp xong, mở lại cho đơn vị bổ sung.", reopenAudit.Reason);
        var log = (await _admin.GetDocumentAsync("/admin/periods/2021-Y")).QuerySelector("[data-testid='log']")!.TextContent;
        Assert.Contains("Khóa kỳ", log);
        Assert.Contains("Tạm khóa để tổng hợp.", log);
    }

    [Fact]
    public async Task Locking_one_unit_stops_only_that_unit_through_the_form_and_the_api_until_it_is_reopened()
    {
        var btcd = await _app.SignedInAsync("btcd@danvan.local");
        var btcdApi = await _app.ApiAsync("btcd@danvan.local");
        var hctc = await _app.SignedInAsync("hctc@danvan.local");

        var detail = await _admin.GetDocumentAsync("/admin/periods/2021-Y");
        var lockForm = detail.Form("tr[data-unit='BTCD'] form[data-action='lock']");
        var withoutReason = await _admin.PostFormAsync(lockForm, new Dictionary<string, string> { ["reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal("Cần ghi lý do khóa.", (await FormClient.ParseAsync(withoutReason)).QuerySelector("tr[data-unit='BTCD'] [data-testid='unit-error']")!.TextContent.Trim());

        var locked = await _admin.PostFormAsync(lockForm, new Dictionary<string, string> { ["reason"] = "Đơn vị đang được sáp nhập." });
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);

        var page = await EntryPage.OpenAsync(btcd, "2021-Y", "BTCD");
        Assert.True(page.IsReadOnly);
        Assert.Contains("Quản trị đã khóa phiếu", page.Document.QuerySelector("[data-testid='read-only']")!.TextContent);
        Assert.Equal(HttpStatusCode.Conflict, (await page.SaveAsync(new Dictionary<string, string> { ["v:DON.TONG"] = "1" })).StatusCode);
        var api = await btcdApi.PutAsJsonAsync("/api/v1/periods/2021-Y/units/BTCD/values", new { values = new Dictionary<string, object?> { ["DON.TONG"] = 1 } });
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await EntryPage.OpenAsync(hctc, "2021-Y", "HCTC")).SaveAsync(new Dictionary<string, string> { ["v:VB.QDQP"] = "21" })).StatusCode);
        var board = await _admin.GetDocumentAsync("/admin/periods/2021-Y");
        Assert.Contains("Đã khóa riêng", board.QuerySelector("tr[data-unit='BTCD'] [data-testid='unit-state']")!.TextContent);
        Assert.Contains("Quản trị đã khóa", (await _admin.GetDocumentAsync("/review/2021-Y")).QuerySelector("tr[data-unit='BTCD']")!.TextContent);

        var reopenForm = board.Form("tr[data-unit='BTCD'] form[data-action='reopen']");
        var reopened = await _admin.PostFormAsync(reopenForm, new Dictionary<string, string> { ["until"] = "2026-12-15", ["reason"] = "Đã có quyết định sáp nhập." });
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await btcdApi.PutAsJsonAsync("/api/v1/periods/2021-Y/units/BTCD/values",
            new { values = new Dictionary<string, object?> { ["DON.TONG"] = 1 } })).StatusCode);

        var period = await _app.DbAsync(db => db.Periods.SingleAsync(p => p.Code == "2021-Y"));
        var btcdId = await _app.DbAsync(db => db.Units.Where(u => u.Code == "BTCD").Select(u => u.Id).SingleAsync());
        var lockAudit = Assert.Single(await _app.AuditAsync(AuditActions.SubmissionLocked));
        Assert.Equal(("admin@danvan.local", period.Id, btcdId, "Đơn vị đang được sáp nhập."), (lockAudit.UserName, lockAudit.PeriodId, lockAudit.UnitId, lockAudit.Reason));
        var reopenAudit = Assert.Single(await _app.AuditAsync(AuditActions.Reopened));
        Assert.Equal(("2026-12-15", "Đã có quyết định sáp nhập."), (reopenAudit.NewValue, reopenAudit.Reason));
        Assert.False(period.IsLocked);
    }

    [Fact]
    public async Task A_unit_can_be_reopened_in_a_locked_period_alone()
    {
        var unit = await _app.SignedInAsync("btcd@danvan.local");
        Assert.Equal(HttpStatusCode.Redirect, (await _admin.SubmitAsync("/admin/periods/2021-Y", "#status-form",
            new Dictionary<string, string> { ["Status.Reason"] = "Hết hạn." })).StatusCode);

        var reopened = await _admin.SubmitAsync("/admin/periods/2021-Y", "tr[data-unit='BTCD'] form[data-action='reopen']",
            new Dictionary<string, string> { ["until"] = "2026-11-30", ["reason"] = "Đơn vị bổ sung đơn thư." });
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);

        Assert.False((await EntryPage.OpenAsync(unit, "2021-Y", "BTCD")).IsReadOnly);
        var hctc = await _app.SignedInAsync("hctc@danvan.local");
        Assert.True((await EntryPage.OpenAsync(hctc, "2021-Y", "HCTC")).IsReadOnly);
        var detail = await _admin.GetDocumentAsync("/admin/periods/2021-Y");
        Assert.Contains("Mở lại đến 30/11/2026", detail.QuerySelector("tr[data-unit='BTCD'] [data-testid='unit-state']")!.TextContent);
    }

    [Fact]
    public async Task Unknown_periods_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/admin/periods/2030-H1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/admin/periods/khong-co")).StatusCode);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
