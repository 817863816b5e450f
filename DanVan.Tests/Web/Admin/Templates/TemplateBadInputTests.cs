using System.Net;
using System.Text;
using AngleSharp.Dom;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Web.Admin.Templates;

/// <summary>Every field of every template form fed with hostile input: refused at the field, never a 5xx, nothing half-saved.</summary>
public sealed class TemplateBadInputTests : IAsyncLifetime
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

    [Fact]
    public async Task Hostile_values_in_every_field_are_refused_without_a_server_error()
    {
        var d = $"/admin/templates/{_draft}";
        var indicator = await TemplateAdminClient.IndicatorIdAsync(_app, _draft, "DON.TONG");
        var rule = await TemplateAdminClient.RuleIdAsync(_app, _draft, "R.DON.TONG.LOAI");
        var section = await TemplateAdminClient.SectionIdAsync(_app, _draft, "ketqua.tiepdan");
        var appendixRow = (await _admin.PageAsync($"{d}/appendix")).QuerySelector("tr[data-order='2']")!.Id!["r-".Length..];
        var forms = new (string Page, string Form, string[] Fields)[]
        {
            (d, "form[data-testid='general-form']", ["Name", "Title", "Opening", "Closing", "Stamp"]),
            ($"{d}/indicators", $"form[action='{d}/indicators']", ["Code", "Name", "Measure", "Kind", "Unit", "Group", "Required", "Formula"]),
            ($"{d}/indicators/{indicator}", "form[data-testid='indicator-form']", ["Stamp"]),
            ($"{d}/rules/new", "form[data-testid='rule-form']", ["Code", "Left", "Op", "Right", "Severity", "Message", "Period", "Intent"]),
            ($"{d}/rules/{rule}", "form[data-testid='rule-form']", ["Intent"]),
            ($"{d}/outline", $"form[action='{d}/outline']", ["Parent", "Key", "Title", "DefaultText", "Writer", "RunIn"]),
            ($"{d}/outline/{section}", "form[data-testid='section-form']", ["Writer"]),
            ($"{d}/outline/{section}", "form[data-testid='move-form']", ["Direction", "Parent"]),
            ($"{d}/appendix", $"form[action='{d}/appendix']", ["Level", "Text"]),
            ($"{d}/appendix", $"form[action='{d}/appendix/{appendixRow}']", ["Level"]),
        };
        var valid = new Dictionary<string, string>
        {
            ["Name"] = "Tên", ["Title"] = "Tiêu đề", ["Kind"] = "count", ["Unit"] = "BTCD", ["Group"] = "ketqua.tiepdan.donthu", ["Code"] = "X.MOI",
            ["Left"] = "DON.TONG", ["Op"] = "<=", ["Right"] = "1000", ["Severity"] = "error", ["Message"] = "Sai", ["Period"] = "2021-H1", ["Intent"] = "check",
            ["Parent"] = "ketqua", ["Level"] = "1", ["Text"] = "Dòng",
        };
        var count = 0;
        foreach (var (page, form, fields) in forms)
        {
            var document = await _admin.PageAsync(page);
            var element = document.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>(form)!;
            foreach (var field in fields)
            {
                foreach (var value in Hostile)
                {
                    // The current stamp each time: otherwise, once one value is accepted, every later post is a conflict.
                    var stamp = await TemplateAdminClient.WithDbAsync(_app, db => db.Templates.Where(t => t.Id == _draft).Select(t => t.ConcurrencyStamp).SingleAsync());
                    var posted = new Dictionary<string, string>(valid) { ["Stamp"] = stamp.ToString("N"), [field] = value };
                    if (field != "Intent" && form.Contains("rule-form", StringComparison.Ordinal)) posted["Intent"] = "check";
                    var response = await _admin.Http.PostFormAsync(element, posted);
                    Assert.True((int)response.StatusCode < 500, $"{form} {field}={value[..Math.Min(20, value.Length)]} → {(int)response.StatusCode}");
                    count++;
                }
            }
        }
        Assert.True(count > 400);
        // Whatever was accepted was valid text: the draft still passes every publishing check.
        Assert.NotNull((await _admin.PageAsync(d)).QuerySelector("[data-testid='ready']"));
    }

    /// <summary>The hostile values that matter for text, code and expression fields (the full list makes this test slow).</summary>
    private static readonly string[] Hostile =
    [
        "", "   ", new string('9', 1_000_000), "\u0000\u0001\u0007", "Ho\u0302\u0300 so\u031B", "<script>alert(1)</script>",
        "1e9999", "9999999999999999999999999999999999", "１２３", "{KHONG.CO:00}", "😀", new string('(', 100) + "1" + new string(')', 100),
        "PREV(PREV(A))",
    ];

    [Fact]
    public async Task Hostile_import_files_are_refused_without_a_server_error()
    {
        var token = (await _admin.PageAsync("/admin/templates")).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        string[] files =
        [
            "null", "[]", "\"x\"", "{}", "{\"sections\": 5}", "{\"code\": null, \"indicators\": [{}]}", new string('[', 5000),
            "{\"code\": \"DVCQ\", \"version\": 1e40}", "\u0000\u0001", "{\"code\":\"DVCQ\",\"version\":2,\"name\":\"x\",\"title\":\"t\",\"sections\":[{\"key\":\"a\",\"title\":\"A\",\"children\":[{\"key\":\"a\",\"title\":\"B\"}]}]}",
        ];
        foreach (var content in files)
        {
            var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", "x.json");
            var response = await _admin.Http.PostAsync("/admin/templates/import", form);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"{content[..Math.Min(30, content.Length)]} → {(int)response.StatusCode}");
        }
        Assert.Equal(1, await TemplateAdminClient.WithDbAsync(_app, db => db.Templates.CountAsync(t => t.IsDraft)));
    }

    [Fact]
    public async Task Every_form_of_the_template_pages_carries_an_antiforgery_token_and_no_page_has_inline_script()
    {
        var d = $"/admin/templates/{_draft}";
        var indicator = await TemplateAdminClient.IndicatorIdAsync(_app, _draft, "DON.TONG");
        var section = await TemplateAdminClient.SectionIdAsync(_app, _draft, "ketqua");
        var rule = await TemplateAdminClient.RuleIdAsync(_app, _draft, "R.VU.GQ");
        foreach (var url in new[] { "/admin/templates", d, $"{d}/indicators", $"{d}/indicators/{indicator}", $"{d}/rules", $"{d}/rules/new", $"{d}/rules/{rule}", $"{d}/outline", $"{d}/outline/{section}", $"{d}/appendix" })
        {
            var response = await _admin.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotMatch("<script(?![^>]*src=)", html);
            Assert.DoesNotMatch(" style=\"", html);
            var page = await FormClient.ParseAsync(response);
            foreach (var form in page.QuerySelectorAll("form[method='post']"))
                Assert.True(form.QuerySelector("input[name='__RequestVerificationToken']") is not null, $"{url}: {form.GetAttribute("action")}");
        }
    }
}
