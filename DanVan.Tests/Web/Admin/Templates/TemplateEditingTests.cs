using System.Net;
using AngleSharp.Dom;
using DanVan.Domain.Rules;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Web.Admin.Templates;

/// <summary>Every editor of a draft, driven through its pages: indicators, rules, outline, appendix, general texts.</summary>
public sealed class TemplateEditingTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();
    private TemplateAdminClient _admin = null!;
    private int _draft;

    public async Task InitializeAsync()
    {
        _admin = await TemplateAdminClient.SignInAsync(_app);
        _draft = await _admin.CreateDraftAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, string> NoFields => new();

    private string Url(string tail = "") => $"/admin/templates/{_draft}{tail}";

    private Task<List<string>> AuditAsync() =>
        TemplateAdminClient.WithDbAsync(_app, db => db.AuditEntries.Where(a => a.Action.StartsWith("template.")).OrderBy(a => a.Id)
            .Select(a => a.Action + " " + (a.IndicatorCode ?? "")).ToListAsync());

    private static Dictionary<string, string> Indicator(string name, string unit, string group, string? code = null, string formula = "", string kind = "count")
    {
        var fields = new Dictionary<string, string>
        {
            ["Name"] = name, ["Measure"] = kind == "percent" ? "%" : "đơn", ["Kind"] = kind, ["Unit"] = unit, ["Group"] = group,
            ["Required"] = "true", ["Formula"] = formula,
        };
        if (code is not null) fields["Code"] = code;
        return fields;
    }

    private async Task<string> RefusedAsync(string page, string form, Dictionary<string, string> fields, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var response = await _admin.PostAsync(page, form, fields);
        Assert.Equal(status, response.StatusCode);
        return await TemplateAdminClient.Message(response);
    }

    [Fact]
    public async Task Indicators_are_added_changed_moved_retired_restored_and_deleted_with_clear_refusals()
    {
        var add = $"form[action='{Url("/indicators")}']";
        var page = Url("/indicators");

        Assert.Contains("Mã DON.TONG đã có", await RefusedAsync(page, add, Indicator("Trùng", "BTCD", "ketqua.tiepdan.donthu", "don.tong")));
        Assert.Contains("vị trí 9", await RefusedAsync(page, add, Indicator("Tỷ lệ", "BTCD", "ketqua.tiepdan.donthu", "DON.TYLE.KN", "DON.KN / ", "percent")));
        Assert.Contains("“DON.KHAC” (vị trí 1) không tồn tại", await RefusedAsync(page, add, Indicator("Tỷ lệ", "BTCD", "ketqua.tiepdan.donthu", "DON.TYLE.KN", "DON.KHAC / DON.TONG", "percent")));
        Assert.Contains("vòng lặp", await RefusedAsync(page, add, Indicator("Vòng", "BTCD", "ketqua.tiepdan.donthu", "DON.VONG", "DON.VONG + 1")));
        var fields = await RefusedAsync(page, add, Indicator("", "XYZ", "khong.co", "1ABC"));
        Assert.Contains("Mã chỉ tiêu gồm chữ không dấu", fields);
        Assert.Contains("Tên chỉ tiêu không được để trống", fields);
        Assert.Contains("Chọn đơn vị cung cấp", fields);
        Assert.Contains("Chọn mục của đề cương", fields);

        var list = await _admin.PostAndFollowAsync(page, add,
            Indicator("Tỷ lệ đơn khiếu nại", "BTCD", "ketqua.tiepdan.donthu", "DON.TYLE.KN", "DON.KN / DON.TONG * 100", "percent"));
        var row = list.QuerySelector("tr[data-code='DON.TYLE.KN']")!;
        Assert.Contains("Mới", row.TextContent);
        Assert.Null(row.NextElementSibling); // last of its section
        var before = row.PreviousElementSibling!.GetAttribute("data-code");
        var donTongName = await TemplateAdminClient.WithDbAsync(_app, db => db.Indicators.Where(i => i.TemplateId == _draft && i.Code == "DON.TONG").Select(i => i.Name).SingleAsync());
        Assert.Contains(row.QuerySelectorAll("td.font-monospace abbr"), a => a.TextContent == "DON.TONG" && a.GetAttribute("title") == donTongName); // codes are named

        // Move it up once within its section, rename another one and change its measure and supplier.
        var id = await TemplateAdminClient.IndicatorIdAsync(_app, _draft, "DON.TYLE.KN");
        list = await _admin.PostAndFollowAsync(page, $"form[data-move='up'][action='{Url($"/indicators/{id}/move")}']", new Dictionary<string, string>());
        Assert.Equal(before, list.QuerySelector("tr[data-code='DON.TYLE.KN']")!.NextElementSibling!.GetAttribute("data-code"));
        var tcId = await TemplateAdminClient.IndicatorIdAsync(_app, _draft, "DON.TC");
        await _admin.PostAndFollowAsync(Url($"/indicators/{tcId}"), "form[data-testid='indicator-form']",
            Indicator("Đơn tố cáo (kể cả đơn nặc danh)", "HCTC", "ketqua.tiepdan.donthu"));
        var tc = await TemplateAdminClient.WithDbAsync(_app, db => db.Indicators.Where(i => i.Id == tcId).Select(i => new { i.Name, i.UnitId, i.Code }).SingleAsync());
        Assert.Equal("Đơn tố cáo (kể cả đơn nặc danh)", tc.Name);
        Assert.Equal("DON.TC", tc.Code);
        Assert.Equal(await TemplateAdminClient.WithDbAsync(_app, db => db.Units.Where(u => u.Code == "HCTC").Select(u => u.Id).SingleAsync()), tc.UnitId);

        // Retire: refused while a rule uses it; an unused one is retired and restored.
        var nhieuNguoi = await TemplateAdminClient.IndicatorIdAsync(_app, _draft, "DON.NHIEUNGUOI");
        Assert.Contains("quy tắc R.DON.NHIEUNGUOI", await RefusedAsync(page, $"form[action='{Url($"/indicators/{nhieuNguoi}/retire")}']", NoFields));
        var tyle = await TemplateAdminClient.IndicatorIdAsync(_app, _draft, "DON.TYLE.DUDK");
        list = await _admin.PostAndFollowAsync(page, $"form[action='{Url($"/indicators/{tyle}/retire")}']", NoFields);
        Assert.Contains("Ngừng sử dụng", list.QuerySelector("tr[data-code='DON.TYLE.DUDK']")!.TextContent);
        Assert.NotNull(list.QuerySelector($"form[action='{Url($"/indicators/{tyle}/restore")}']"));
        await _admin.PostAndFollowAsync(page, $"form[action='{Url($"/indicators/{tyle}/restore")}']", NoFields);
        Assert.False(await TemplateAdminClient.WithDbAsync(_app, db => db.Indicators.Where(i => i.Id == tyle).Select(i => i.IsRetired).SingleAsync()));

        // Delete: never an indicator with values (the page offers only "Ngừng sử dụng"); a new one may go.
        list = await _admin.PageAsync(page);
        var donTong = await TemplateAdminClient.IndicatorIdAsync(_app, _draft, "DON.TONG");
        Assert.Null(list.QuerySelector($"form[action='{Url($"/indicators/{donTong}/delete")}']"));
        var token = list.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var stamp = list.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='stamp']")!.Value;
        var forced = await _admin.Http.PostAsync(Url($"/indicators/{donTong}/delete"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["stamp"] = stamp }));
        Assert.Equal(HttpStatusCode.BadRequest, forced.StatusCode);
        Assert.Contains("đã có số liệu", await TemplateAdminClient.Message(forced));
        list = await _admin.PostAndFollowAsync(page, $"form[action='{Url($"/indicators/{id}/delete")}']", NoFields);
        Assert.Null(list.QuerySelector("tr[data-code='DON.TYLE.KN']"));

        Assert.Equal(
            ["template.draft.created ", "template.indicator.added DON.TYLE.KN", "template.indicator.moved DON.TYLE.KN", "template.indicator.changed DON.TC",
             "template.indicator.retired DON.TYLE.DUDK", "template.indicator.restored DON.TYLE.DUDK", "template.indicator.deleted DON.TYLE.KN"],
            await AuditAsync());
    }

    [Fact]
    public async Task Rules_are_added_changed_and_deleted_and_broken_expressions_are_told_at_the_field_with_the_position()
    {
        var form = "form[data-testid='rule-form']";
        var broken = await _admin.PostAsync(Url("/rules/new"), form, new Dictionary<string, string>
        {
            ["Code"] = "R.MOI", ["Left"] = "DON.TONG + (DON.KN", ["Op"] = "<=", ["Right"] = "DON.KHONGCO * 2", ["Severity"] = "error",
            ["Message"] = "Sai {DON.XYZ}", ["Intent"] = "save",
        });
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var page = await FormClient.ParseAsync(broken);
        Assert.Equal("Thiếu “)” ở vị trí 19.", page.QuerySelector("#Left-error")!.TextContent.Trim());
        Assert.Equal("Mã chỉ tiêu “DON.KHONGCO” (vị trí 1) không tồn tại.", page.QuerySelector("#Right-error")!.TextContent.Trim());
        Assert.Contains("{DON.XYZ}", page.QuerySelector("#Message-error")!.TextContent);
        Assert.Equal("DON.TONG + (DON.KN", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Left")!.Value); // what was typed stays

        var rules = await _admin.PostAndFollowAsync(Url("/rules/new"), form, new Dictionary<string, string>
        {
            ["Code"] = "R.DON.KN.TOIDA", ["Left"] = "DON.KN", ["Op"] = "<=", ["Right"] = "DON.TONG", ["Severity"] = "warning",
            ["Message"] = "Đơn khiếu nại ({left}) nhiều hơn tổng số đơn ({right}).", ["Intent"] = "save",
        });
        Assert.Contains("Mới", rules.QuerySelector("tr[data-rule='R.DON.KN.TOIDA']")!.TextContent);
        Assert.Contains("Mã quy tắc R.DON.KN.TOIDA đã có", await RefusedAsync(Url("/rules/new"), form, new Dictionary<string, string>
        {
            ["Code"] = "R.DON.KN.TOIDA", ["Left"] = "DON.KN", ["Op"] = "<=", ["Right"] = "DON.TONG", ["Severity"] = "warning", ["Message"] = "x", ["Intent"] = "save",
        }));

        var id = await TemplateAdminClient.RuleIdAsync(_app, _draft, "R.DON.KN.TOIDA");
        await _admin.PostAndFollowAsync(Url($"/rules/{id}"), form, new Dictionary<string, string>
        {
            ["Left"] = "DON.KN + DON.TC", ["Op"] = "<", ["Right"] = "DON.TONG", ["Severity"] = "error", ["Message"] = "Khiếu nại và tố cáo ({left.detail}) không nhỏ hơn tổng ({right}).", ["Intent"] = "save",
        });
        var saved = await TemplateAdminClient.WithDbAsync(_app, db => db.Rules.SingleAsync(r => r.Id == id));
        Assert.Equal(("DON.KN + DON.TC", RuleOperator.Less, Severity.Error), (saved.Left, saved.Operator, saved.Severity));

        rules = await _admin.PostAndFollowAsync(Url("/rules"), $"form[action='{Url($"/rules/{id}/delete")}']", NoFields);
        Assert.Null(rules.QuerySelector("tr[data-rule='R.DON.KN.TOIDA']"));
        Assert.Equal(["template.draft.created ", "template.rule.added R.DON.KN.TOIDA", "template.rule.changed R.DON.KN.TOIDA", "template.rule.deleted R.DON.KN.TOIDA"],
            await AuditAsync());
    }

    [Fact]
    public async Task Outline_sections_are_added_moved_and_removed_and_numbered_as_the_report_prints_them()
    {
        var outline = Url("/outline");
        var add = $"form[action='{outline}']";
        var page = await _admin.PageAsync(outline);
        Assert.Equal(["a)", "b)", "c)", "d)", "đ)"],
            page.QuerySelectorAll("tr[data-key^='ketqua.tthc.'] .outline-label").Select(e => e.TextContent.Trim()).ToArray());

        Assert.Contains("Tiêu đề không được để trống", await RefusedAsync(outline, add, new Dictionary<string, string> { ["Parent"] = "ketqua", ["Title"] = "" }));
        Assert.Contains("{KHONG.CO}", await RefusedAsync(outline, add, new Dictionary<string, string>
        {
            ["Parent"] = "ketqua", ["Title"] = "Công tác chuyển đổi số", ["DefaultText"] = "Có {KHONG.CO} hồ sơ.",
        }));
        Assert.Contains("ba cấp", await RefusedAsync(outline, add, new Dictionary<string, string> { ["Parent"] = "ketqua.tthc.congbo", ["Title"] = "Quá sâu" }));

        page = await _admin.PostAndFollowAsync(outline, add, new Dictionary<string, string>
        {
            ["Parent"] = "ketqua", ["Title"] = "Công tác chuyển đổi số", ["Writer"] = "KSTTHC", ["DefaultText"] = "Đã tiếp nhận {DVC.TONG} dịch vụ công trực tuyến.",
        });
        var added = page.QuerySelector("tr[data-key='ketqua.congtacchuyendoiso']")!;
        Assert.Equal("II.9", added.GetAttribute("data-label"));
        Assert.Equal("9.", added.QuerySelector(".outline-label")!.TextContent.Trim());
        Assert.Contains("Phòng Kiểm soát thủ tục hành chính", added.TextContent);

        page = await _admin.PostAndFollowAsync(outline, add, new Dictionary<string, string>
        {
            ["Parent"] = "ketqua.congtacchuyendoiso", ["Key"] = "ketqua.cds.kq", ["Title"] = "", ["RunIn"] = "true", ["DefaultText"] = "Đoạn văn.",
        });
        Assert.Equal("II.9.a", page.QuerySelector("tr[data-key='ketqua.cds.kq']")!.GetAttribute("data-label"));

        // Up one place: it becomes II.8 and the old II.8 becomes II.9.
        var id = await TemplateAdminClient.SectionIdAsync(_app, _draft, "ketqua.congtacchuyendoiso");
        page = await _admin.PostAndFollowAsync(outline, $"form[data-move='up'][action='{Url($"/outline/{id}/move")}']", NoFields);
        Assert.Equal("II.8", page.QuerySelector("tr[data-key='ketqua.congtacchuyendoiso']")!.GetAttribute("data-label"));
        Assert.Equal("II.8.a", page.QuerySelector("tr[data-key='ketqua.cds.kq']")!.GetAttribute("data-label"));
        Assert.Equal("II.9", page.QuerySelector("tr[data-key='ketqua.qcdccs']")!.GetAttribute("data-label"));

        // To another parent, with its sub-item: under III it is III.3; too deep is refused.
        page = await _admin.PostAndFollowAsync(Url($"/outline/{id}"), "form[data-testid='move-form']", new Dictionary<string, string> { ["Parent"] = "danhgia" });
        Assert.Equal("III.3", page.QuerySelector("tr[data-key='ketqua.congtacchuyendoiso']")!.GetAttribute("data-label"));
        Assert.Equal("III.3.a", page.QuerySelector("tr[data-key='ketqua.cds.kq']")!.GetAttribute("data-label"));
        Assert.Equal("II.8", page.QuerySelector("tr[data-key='ketqua.qcdccs']")!.GetAttribute("data-label"));
        Assert.Contains("ba cấp", await RefusedAsync(Url($"/outline/{id}"), "form[data-testid='move-form']", new Dictionary<string, string> { ["Parent"] = "ketqua.tthc" }));

        // Edit the title and text; remove refused with children or indicators; a leaf goes.
        await _admin.PostAndFollowAsync(Url($"/outline/{id}"), "form[data-testid='section-form']", new Dictionary<string, string>
        {
            ["Title"] = "Chuyển đổi số", ["Writer"] = "", ["RunIn"] = "false", ["DefaultText"] = "",
        });
        var section = await TemplateAdminClient.WithDbAsync(_app, db => db.OutlineSections.SingleAsync(s => s.Id == id));
        Assert.Equal(("Chuyển đổi số", (int?)null, (string?)null), (section.Title, section.WriterUnitId, section.DefaultText));
        var token = (await _admin.PageAsync(outline)).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        async Task<string> DeleteRefused(string key)
        {
            var stamp = await TemplateAdminClient.WithDbAsync(_app, db => db.Templates.Where(t => t.Id == _draft).Select(t => t.ConcurrencyStamp).SingleAsync());
            var sectionId = await TemplateAdminClient.SectionIdAsync(_app, _draft, key);
            var response = await _admin.Http.PostAsync(Url($"/outline/{sectionId}/delete"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["stamp"] = stamp.ToString("N"),
            }));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await TemplateAdminClient.Message(response);
        }
        Assert.Contains("còn 1 mục con", await DeleteRefused("ketqua.congtacchuyendoiso"));
        Assert.Contains("còn 19 chỉ tiêu thuộc mục này (HS.TONG", await DeleteRefused("ketqua.ttpvhcc.hoso"));
        var child = await TemplateAdminClient.SectionIdAsync(_app, _draft, "ketqua.cds.kq");
        page = await _admin.PostAndFollowAsync(outline, $"form[action='{Url($"/outline/{child}/delete")}']", NoFields);
        Assert.Null(page.QuerySelector("tr[data-key='ketqua.cds.kq']"));
        Assert.Contains("template.section.deleted ketqua.cds.kq", await AuditAsync());
    }

    [Fact]
    public async Task Appendix_rows_and_general_texts_are_edited_with_placeholder_checks()
    {
        var appendix = Url("/appendix");
        var page = await _admin.PageAsync(appendix);
        var first = page.QuerySelector("tr[data-order='1']")!.Id!["r-".Length..];
        var third = page.QuerySelector("tr[data-order='3']")!.Id!["r-".Length..];

        var refused = await _admin.PostAsync(appendix, $"form[action='{appendix}']", new Dictionary<string, string> { ["Level"] = "0", ["Text"] = "Số {KHONG.CO}" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("{KHONG.CO}", (await FormClient.ParseAsync(refused)).QuerySelector("#new-text-error")!.TextContent);

        page = await _admin.PostAndFollowAsync(appendix, $"form[action='{appendix}']", new Dictionary<string, string> { ["Level"] = "0", ["Text"] = "Dịch vụ công trực tuyến: {DVC.TONG}" });
        var last = page.QuerySelectorAll("tbody tr").Last();
        Assert.Equal("Dịch vụ công trực tuyến: {DVC.TONG}", last.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Text']")!.Value);
        Assert.Equal("7.", last.QuerySelector("td")!.TextContent.Trim());

        page = await _admin.PostAndFollowAsync(appendix, $"form[action='{Url($"/appendix/{third}")}']", new Dictionary<string, string> { ["Level"] = "1", ["Text"] = "Tổng số đoàn kiểm tra: {DV.KT.DOAN:00}" });
        Assert.Equal("Tổng số đoàn kiểm tra: {DV.KT.DOAN:00}", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#text-{third}")!.Value);
        page = await _admin.PostAndFollowAsync(appendix, $"form[data-move='down'][action='{Url($"/appendix/{first}/move")}']", NoFields);
        Assert.Equal($"r-{first}", page.QuerySelector("tr[data-order='2']")!.Id);
        page = await _admin.PostAndFollowAsync(appendix, $"form[action='{Url($"/appendix/{first}/delete")}']", NoFields);
        Assert.Null(page.QuerySelector($"#r-{first}"));
        Assert.Equal(23, page.QuerySelectorAll("tbody tr").Length);

        var overview = Url();
        var general = "form[data-testid='general-form']";
        var bad = await _admin.PostAsync(overview, general, new Dictionary<string, string> { ["Name"] = "", ["Title"] = "Báo cáo {period.name} {HS.KHONG}" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await FormClient.ParseAsync(bad);
        Assert.Contains("Tên đề cương không được để trống", badPage.QuerySelector("#Name-error")!.TextContent);
        Assert.Contains("{HS.KHONG}", badPage.QuerySelector("#Title-error")!.TextContent);
        await _admin.PostAndFollowAsync(overview, general, new Dictionary<string, string>
        {
            ["Name"] = "Báo cáo công tác dân vận chính quyền", ["Title"] = "Kết quả công tác dân vận chính quyền {period.name}",
            ["Opening"] = "Thực hiện {request}, Văn phòng báo cáo như sau:", ["Closing"] = "Trân trọng báo cáo./.",
        });
        var template = await TemplateAdminClient.WithDbAsync(_app, db => db.Templates.SingleAsync(t => t.Id == _draft));
        Assert.Equal("Kết quả công tác dân vận chính quyền {period.name}", template.TitleTemplate);
        var changes = (await _admin.PageAsync(overview)).QuerySelector("[data-testid='changes']")!.TextContent;
        Assert.Contains("Thông tin chung", changes);
        Assert.Contains("Phụ lục số liệu đã sửa", changes);
        Assert.Equal(["template.draft.created ", "template.appendix.added ", "template.appendix.changed ", "template.appendix.moved ", "template.appendix.deleted ", "template.general.changed "],
            await AuditAsync());
    }

    [Fact]
    public async Task Publishing_is_refused_with_the_list_of_problems_while_the_draft_is_not_valid()
    {
        // Pages never let a draft break (each edit is checked); a draft damaged outside them is still caught at publish.
        await TemplateAdminClient.WithDbAsync(_app, async db =>
        {
            db.Rules.Add(ValidationRule.Create(_draft, "R.HONG", "DON.TONG", RuleOperator.Equal, "DON.KHONGCO", Severity.Error, "Hỏng"));
            var template = await db.Templates.SingleAsync(t => t.Id == _draft);
            template.Touch("test", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var overview = await _admin.PageAsync(Url());
        Assert.Contains("Quy tắc R.HONG (vế phải): mã chỉ tiêu “DON.KHONGCO” (vị trí 1) không tồn tại.", overview.QuerySelector("[data-testid='problems']")!.TextContent);
        Assert.True(overview.QuerySelector<AngleSharp.Html.Dom.IHtmlButtonElement>("[data-testid='publish']")!.IsDisabled);

        var response = await _admin.PostAsync(Url(), $"form[action='{Url("/publish")}']", NoFields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("R.HONG", await TemplateAdminClient.Message(response));
        Assert.True(await TemplateAdminClient.WithDbAsync(_app, db => db.Templates.Where(t => t.Id == _draft).Select(t => t.IsDraft).SingleAsync()));
    }
}
