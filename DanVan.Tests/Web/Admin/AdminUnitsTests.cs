using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Domain.Auditing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Web.Admin;

public sealed class AdminUnitsTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _app.SignedInAsync("admin@danvan.local");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> AddAsync(string code, string name, string parent) =>
        _admin.SubmitAsync("/admin/units", "#new-unit-form", new Dictionary<string, string>
        {
            ["Form.Code"] = code, ["Form.Name"] = name, ["Form.ParentCode"] = parent,
        });

    private Task<HttpResponseMessage> OnUnitAsync(string unit, string form, IDictionary<string, string> fields) =>
        _admin.SubmitAsync($"/admin/units/{unit}", form, fields);

    [Fact]
    public async Task The_tree_shows_the_agency_its_units_and_what_each_supplies_in_the_current_template()
    {
        var page = await _admin.GetDocumentAsync("/admin/units");

        var agency = page.QuerySelector("[data-testid='tree'] > li[data-unit='VPUBND']")!;
        Assert.Equal(["HCTC", "KSTTHC", "TTPVHCC", "BTCD"],
            page.QuerySelectorAll("[data-testid='tree'] > li[data-unit='VPUBND'] > ul > li").Select(li => li.GetAttribute("data-unit")));
        var btcd = agency.QuerySelector("li[data-unit='BTCD']")!;
        Assert.StartsWith("29 chỉ tiêu", btcd.QuerySelector("[data-testid='supplies']")!.TextContent);
        Assert.Contains("DON.TONG", btcd.TextContent);
        Assert.NotNull(btcd.QuerySelector("a[href='/admin/templates']"));
        Assert.Contains("phiên bản 1", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Adding_a_unit_puts_it_under_its_parent_and_audits_it()
    {
        var response = await AddAsync("pth", "Phòng Tổng hợp", "VPUBND");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/units/PTH", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync("PTH.TK", "Tổ Thư ký", "PTH")).StatusCode);

        var tree = await _admin.GetDocumentAsync("/admin/units");
        var pth = tree.QuerySelector("li[data-unit='VPUBND'] > ul > li[data-unit='PTH']")!;
        Assert.Contains("Phòng Tổng hợp", pth.TextContent);
        Assert.NotNull(tree.QuerySelector("li[data-unit='PTH'] > ul > li[data-unit='PTH.TK']"));
        var audits = await _app.AuditAsync(AuditActions.UnitCreated);
        Assert.Equal(["PTH – Phòng Tổng hợp; thuộc VPUBND", "PTH.TK – Tổ Thư ký; thuộc PTH"], audits.Select(a => a.NewValue));
        Assert.All(audits, a => Assert.Equal("admin@danvan.local", a.UserName));
        var pthId = await _app.DbAsync(db => db.Units.Where(u => u.Code == "PTH").Select(u => u.Id).SingleAsync());
        Assert.Equal(pthId, audits[0].UnitId);
        // A new unit supplies nothing yet, so it takes part in no existing period.
        Assert.False(await _app.DbAsync(db => db.PeriodParticipants.AnyAsync(p => p.UnitId == pthId)));
    }

    [Theory]
    [InlineData("btcd", "Ban mới", "VPUBND", "Form.Code", "Mã “BTCD” đã được dùng cho “Ban Tiếp công dân tỉnh”; mã đơn vị không dùng lại.")]
    [InlineData("Phòng 2", "Phòng hai", "VPUBND", "Form.Code", "Mã đơn vị chỉ gồm chữ cái không dấu, chữ số và các dấu . - _")]
    [InlineData("", "Phòng hai", "VPUBND", "Form.Code", "Mã đơn vị phải có từ 1 đến 32 ký tự.")]
    [InlineData("P2", " ", "VPUBND", "Form.Name", "Tên đơn vị phải có từ 1 đến 256 ký tự.")]
    [InlineData("P2", "Phòng hai", "", "Form.ParentCode", "Chọn đơn vị cấp trên.")]
    [InlineData("P2", "Phòng hai", "KHONGCO", "Form.ParentCode", "Đơn vị cấp trên không tồn tại.")]
    public async Task A_bad_new_unit_is_refused_at_the_field(string code, string name, string parent, string field, string message)
    {
        var response = await AddAsync(code, name, parent);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.Equal(message, page.FieldError(field));
        Assert.Equal(name, page.QuerySelector<IHtmlInputElement>("input[name='Form.Name']")!.Value);
        Assert.Equal(5, await _app.DbAsync(db => db.Units.CountAsync()));
    }

    [Fact]
    public async Task Renaming_shows_the_new_name_in_the_portal_and_records_old_and_new()
    {
        var response = await OnUnitAsync("TTPVHCC", "#rename-form", new Dictionary<string, string> { ["Rename.Name"] = "Trung tâm Phục vụ hành chính công tỉnh Quảng Ngãi" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var board = await _admin.GetDocumentAsync("/review/2021-Y");
        Assert.Contains("Trung tâm Phục vụ hành chính công tỉnh Quảng Ngãi", board.QuerySelector("tr[data-unit='TTPVHCC']")!.TextContent);
        var audit = Assert.Single(await _app.AuditAsync(AuditActions.UnitRenamed));
        Assert.Equal(("Trung tâm Phục vụ hành chính công tỉnh", "Trung tâm Phục vụ hành chính công tỉnh Quảng Ngãi"), (audit.OldValue, audit.NewValue));
        Assert.Contains("Đổi tên", (await _admin.GetDocumentAsync("/admin/units/TTPVHCC")).QuerySelector("[data-testid='log']")!.TextContent);

        var blank = await OnUnitAsync("TTPVHCC", "#rename-form", new Dictionary<string, string> { ["Rename.Name"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal("Tên đơn vị phải có từ 1 đến 256 ký tự.", (await FormClient.ParseAsync(blank)).FieldError("Rename.Name"));
    }

    [Fact]
    public async Task A_rename_from_a_stale_page_does_not_overwrite_another_admins_change()
    {
        var other = await _app.SignedInAsync("admin@danvan.local");
        var stale = await _admin.GetDocumentAsync("/admin/units/HCTC");
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAsync("/admin/units/HCTC", "#rename-form",
            new Dictionary<string, string> { ["Rename.Name"] = "Phòng Hành chính - Tổ chức - Quản trị" })).StatusCode);

        var response = await _admin.PostFormAsync(stale.Form("#rename-form"), new Dictionary<string, string> { ["Rename.Name"] = "Phòng Tổ chức" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.Contains("vừa được người khác cập nhật", page.QuerySelector("[data-testid='form-error']")!.TextContent);
        Assert.Equal("Phòng Hành chính - Tổ chức - Quản trị", page.QuerySelector<IHtmlInputElement>("input[name='Rename.Name']")!.Value);
        Assert.Equal("Phòng Hành chính - Tổ chức - Quản trị", await _app.DbAsync(db => db.Units.Where(u => u.Code == "HCTC").Select(u => u.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_unit_moves_under_another_one_and_the_move_is_recorded()
    {
        var response = await OnUnitAsync("KSTTHC", "#move-form", new Dictionary<string, string> { ["Move.ParentCode"] = "HCTC" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var tree = await _admin.GetDocumentAsync("/admin/units");
        Assert.NotNull(tree.QuerySelector("li[data-unit='HCTC'] > ul > li[data-unit='KSTTHC']"));
        var audit = Assert.Single(await _app.AuditAsync(AuditActions.UnitMoved));
        Assert.Equal(("VPUBND", "HCTC"), (audit.OldValue, audit.NewValue));
        // The move does not change who supplies what: the sheet and the board are unchanged.
        var board = await _admin.GetDocumentAsync("/review/2021-H1");
        Assert.Contains("Đã tiếp nhận", board.QuerySelector("tr[data-unit='KSTTHC']")!.TextContent);
    }

    [Fact]
    public async Task A_unit_cannot_move_under_itself_or_a_unit_beneath_it()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync("HCTC.VT", "Tổ Văn thư", "HCTC")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync("HCTC.VT.LT", "Bộ phận Lưu trữ", "HCTC.VT")).StatusCode);
        var page = await _admin.GetDocumentAsync("/admin/units/HCTC");
        var offered = page.QuerySelectorAll("#move-form option").Select(o => o.GetAttribute("value")).ToList();
        Assert.DoesNotContain("HCTC", offered);
        Assert.DoesNotContain("HCTC.VT", offered);
        Assert.DoesNotContain("HCTC.VT.LT", offered);

        foreach (var target in new[] { "HCTC", "HCTC.VT", "HCTC.VT.LT" })
        {
            var response = await _admin.PostFormAsync(page.Form("#move-form"), new Dictionary<string, string> { ["Move.ParentCode"] = target });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("Không thể chuyển đơn vị vào chính nó hoặc vào một đơn vị trực thuộc nó.",
                (await FormClient.ParseAsync(response)).FieldError("Move.ParentCode"));
        }
        Assert.Empty(await _app.AuditAsync(AuditActions.UnitMoved));
        Assert.Equal("VPUBND", await _app.DbAsync(db => db.Units.Where(u => u.Code == "HCTC").Select(u => u.Parent!.Code).SingleAsync()));
    }

    [Fact]
    public async Task Two_admins_moving_two_units_under_each_other_cannot_make_a_cycle()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync("A1", "Đơn vị A", "VPUBND")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync("B1", "Đơn vị B", "VPUBND")).StatusCode);
        var other = await _app.SignedInAsync("admin@danvan.local");
        var pageA = await _admin.GetDocumentAsync("/admin/units/A1");
        var pageB = await other.GetDocumentAsync("/admin/units/B1");

        var first = await _admin.PostFormAsync(pageA.Form("#move-form"), new Dictionary<string, string> { ["Move.ParentCode"] = "B1" });
        var second = await other.PostFormAsync(pageB.Form("#move-form"), new Dictionary<string, string> { ["Move.ParentCode"] = "A1" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode); // the first move renewed B1's token: the page was stale
        var parents = await _app.DbAsync(db => db.Units.Where(u => u.Code == "A1" || u.Code == "B1")
            .Select(u => new { u.Code, Parent = u.Parent!.Code }).ToDictionaryAsync(u => u.Code, u => u.Parent));
        Assert.Equal(("B1", "VPUBND"), (parents["A1"], parents["B1"]));
    }

    [Fact]
    public async Task A_retired_unit_keeps_its_history_but_takes_no_part_in_a_period_created_afterwards()
    {
        var missing = await OnUnitAsync("BTCD", "#status-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("Cần ghi lý do ngừng hoạt động.", (await FormClient.ParseAsync(missing)).FieldError("Status.Reason"));
        var detail = await _admin.GetDocumentAsync("/admin/units/BTCD");
        Assert.Contains("29 chỉ tiêu", detail.QuerySelector("[data-testid='still-supplies']")!.TextContent);

        var retired = await OnUnitAsync("BTCD", "#status-form", new Dictionary<string, string> { ["Status.Reason"] = "Sáp nhập theo Quyết định 12/QĐ-UBND." });
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        var audit = Assert.Single(await _app.AuditAsync(AuditActions.UnitRetired));
        Assert.Equal("Sáp nhập theo Quyết định 12/QĐ-UBND.", audit.Reason);
        Assert.NotNull((await _admin.GetDocumentAsync("/admin/units")).QuerySelector("li[data-unit='BTCD'] [data-testid='retired']"));

        var created = await _admin.SubmitAsync("/admin/periods/new?kind=H1&year=2022", "#period-confirm", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var compiler = await _app.SignedInAsync("tonghop@danvan.local");

        // History: the accepted 2021-H1 submission, its dashboard and its report still show the unit.
        var oldBoard = await compiler.GetDocumentAsync("/review/2021-H1");
        Assert.Contains("Đã tiếp nhận", oldBoard.QuerySelector("tr[data-unit='BTCD']")!.TextContent);
        var dashboard = await compiler.GetDocumentAsync("/dashboard?period=2021-H1");
        Assert.NotNull(dashboard.QuerySelector("[data-testid='unit-tiles'] [data-unit='BTCD']"));
        var report = await (await compiler.GetAsync("/reports/2021-H1/preview")).Content.ReadAsStringAsync();
        Assert.Contains("515", report); // DON.TONG, supplied by BTCD
        var oldEntry = await compiler.GetAsync("/entry/2021-H1/BTCD");
        Assert.Equal(HttpStatusCode.OK, oldEntry.StatusCode);
        // The open period it already took part in keeps it (its figures for that period are still due).
        Assert.NotNull((await compiler.GetDocumentAsync("/review/2021-Y")).QuerySelector("tr[data-unit='BTCD']"));

        // The period created afterwards does not include it, anywhere.
        var newBoard = await compiler.GetDocumentAsync("/review/2022-H1");
        Assert.Null(newBoard.QuerySelector("tr[data-unit='BTCD']"));
        Assert.Equal(3, newBoard.QuerySelectorAll("tr[data-unit]").Length);
        Assert.Null((await _admin.GetDocumentAsync("/admin/periods/2022-H1")).QuerySelector("tr[data-unit='BTCD']"));
        var newDashboard = await compiler.GetDocumentAsync("/dashboard?period=2022-H1");
        Assert.Null(newDashboard.QuerySelector("[data-testid='unit-tiles'] [data-unit='BTCD']"));
        Assert.Equal(3, newDashboard.QuerySelectorAll("[data-testid='unit-tiles'] [data-unit]").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await compiler.GetAsync("/entry/2022-H1/BTCD")).StatusCode);
        var staff = await _app.SignedInAsync("btcd@danvan.local");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/entry/2022-H1/BTCD")).StatusCode);
        var api = await _app.ApiAsync("btcd@danvan.local");
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/periods/2022-H1/units/BTCD")).StatusCode);
        var home = await staff.GetDocumentAsync("/");
        Assert.Null(home.QuerySelector("a[href='/entry/2022-H1/BTCD']"));
        Assert.NotNull(home.QuerySelector("a[href='/entry/2021-H1/BTCD']"));
        Assert.NotNull(home.QuerySelector("a[href='/entry/2021-Y/BTCD']"));
        var compilerHome = await compiler.GetDocumentAsync("/");
        Assert.Contains("2022-H1", compilerHome.QuerySelector("main")!.TextContent);
        var unitPeriods = (await _admin.GetDocumentAsync("/admin/units/BTCD")).QuerySelectorAll("[data-testid='periods'] tr[data-period]")
            .Select(r => r.GetAttribute("data-period")).ToList();
        Assert.Contains("2021-H1", unitPeriods);
        Assert.DoesNotContain("2022-H1", unitPeriods);
    }

    [Fact]
    public async Task Restoring_a_unit_brings_it_back_into_the_open_periods_created_while_it_was_retired()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await OnUnitAsync("BTCD", "#status-form", new Dictionary<string, string> { ["Status.Reason"] = "Nhầm đơn vị." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _admin.SubmitAsync("/admin/periods/new?kind=Q1&year=2027", "#period-confirm", new Dictionary<string, string>())).StatusCode);
        Assert.Null((await _admin.GetDocumentAsync("/admin/periods/2027-Q1")).QuerySelector("tr[data-unit='BTCD']"));

        var restored = await OnUnitAsync("BTCD", "#status-form", new Dictionary<string, string> { ["Status.Reason"] = "Khôi phục do ngừng nhầm." });

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.NotNull((await _admin.GetDocumentAsync("/admin/periods/2027-Q1")).QuerySelector("tr[data-unit='BTCD']"));
        var audit = Assert.Single(await _app.AuditAsync(AuditActions.UnitRestored));
        Assert.Equal("hoạt động; tham gia lại kỳ 2027-Q1", audit.NewValue);
        Assert.Equal("Khôi phục do ngừng nhầm.", audit.Reason);
        var staff = await _app.SignedInAsync("btcd@danvan.local");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/entry/2027-Q1/BTCD")).StatusCode);
    }

    [Fact]
    public async Task A_unit_with_active_units_beneath_it_cannot_be_retired()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync("HCTC.VT", "Tổ Văn thư", "HCTC")).StatusCode);

        var response = await OnUnitAsync("HCTC", "#status-form", new Dictionary<string, string> { ["Status.Reason"] = "Giải thể." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("đơn vị trực thuộc đang hoạt động", (await FormClient.ParseAsync(response)).QuerySelector("[data-testid='form-error']")!.TextContent);
        Assert.False(await _app.DbAsync(db => db.Units.Where(u => u.Code == "HCTC").Select(u => u.IsRetired).SingleAsync()));
    }

    [Theory]
    [InlineData("tonghop@danvan.local")]
    [InlineData("lanhdao@danvan.local")]
    [InlineData("btcd@danvan.local")]
    public async Task Non_admins_are_refused_the_unit_and_period_pages(string email)
    {
        var client = await _app.SignedInAsync(email);
        foreach (var url in new[] { "/admin/units", "/admin/units/BTCD", "/admin/periods", "/admin/periods/new?kind=H1&year=2022", "/admin/periods/2021-Y" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
        }
    }
}
