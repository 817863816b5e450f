using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Data.Seeding;
using DanVan.Data.Templates;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Web.Admin.Templates;

/// <summary>Export of any version as JSON, import of a file as a new draft, refused with every problem when broken.</summary>
public sealed class TemplateImportExportTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();
    private TemplateAdminClient _admin = null!;

    public async Task InitializeAsync() => _admin = await TemplateAdminClient.SignInAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>One canonical text for a template document, so that files are compared by meaning, not by layout.</summary>
    private static string Canonical(TemplateDocument doc) => JsonSerializer.Serialize(doc, TemplateDocument.JsonOptions);

    private static TemplateDocument Parse(byte[] json) => TemplateImporter.Read(new MemoryStream(json));

    private async Task<HttpResponseMessage> ImportAsync(byte[] content, string fileName = "de-cuong.json")
    {
        var page = await _admin.PageAsync("/admin/templates");
        var token = page.QuerySelector<IHtmlInputElement>("form[action='/admin/templates/import'] input[name='__RequestVerificationToken']")!.Value;
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "file", fileName);
        return await _admin.Http.PostAsync("/admin/templates/import", form);
    }

    private static byte[] Json(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static JsonNode Seed() => JsonNode.Parse(JsonSerializer.Serialize(SeedResources.Template(), TemplateDocument.JsonOptions))!;

    private async Task<List<string>> RefusedAsync(byte[] content, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var response = await ImportAsync(content);
        Assert.Equal(status, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.False(await TemplateAdminClient.WithDbAsync(_app, db => db.Templates.AnyAsync(t => t.IsDraft && t.Version > 2)));
        return [page.QuerySelector("[data-testid='message']")!.TextContent.Trim(), .. page.QuerySelectorAll("[data-testid='import-errors'] li").Select(li => li.TextContent.Trim())];
    }

    [Fact]
    public async Task Version_1_exports_as_the_seed_file_and_an_imported_export_is_the_same_version_again()
    {
        var export = await _admin.Http.GetAsync("/admin/templates/1/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("de-cuong-DVCQ-v1.json", export.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(Canonical(SeedResources.Template()), Canonical(Parse(bytes)));

        var imported = await ImportAsync(bytes);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var draftUrl = imported.Headers.Location!.OriginalString;
        var overview = await _admin.PageAsync(draftUrl);
        Assert.Contains("Đã nhập tệp thành bản nháp phiên bản 2", overview.QuerySelector("[data-testid='message']")!.TextContent);
        Assert.Contains("Chưa có thay đổi nào", overview.QuerySelector("[data-testid='changes']")!.TextContent);

        var again = Parse(await (await _admin.Http.GetAsync(draftUrl + "/export")).Content.ReadAsByteArrayAsync());
        Assert.Equal(2, again.Version);
        Assert.Equal(Canonical(SeedResources.Template()), Canonical(again with { Version = 1 }));
        Assert.Contains(await TemplateAdminClient.WithDbAsync(_app, db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "template.imported");
    }

    [Fact]
    public async Task A_changed_file_becomes_a_draft_that_publishes_as_the_next_version()
    {
        var seed = Seed();
        var indicators = seed["indicators"]!.AsArray();
        indicators.Single(i => (string?)i!["code"] == "DON.TONG")!["name"] = "Tổng số đơn đã tiếp nhận";
        indicators.Add(new JsonObject
        {
            ["code"] = "DON.TRUCTUYEN", ["name"] = "Đơn nhận qua cổng trực tuyến", ["measure"] = "đơn", ["kind"] = "count", ["unit"] = "BTCD",
            ["group"] = "ketqua.tiepdan.donthu", ["required"] = false,
        });
        var response = await ImportAsync(Json(seed));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.OriginalString;
        var changes = (await _admin.PageAsync(url)).QuerySelector("[data-testid='changes']")!.TextContent;
        Assert.Contains("Chỉ tiêu mới DON.TRUCTUYEN", changes);
        Assert.Contains("Tổng số đơn đã tiếp nhận", changes);

        await _admin.PostAndFollowAsync(url, $"form[action='{url}/publish']", new Dictionary<string, string>());
        var current = await TemplateAdminClient.WithDbAsync(_app, db => TemplateVersions.CurrentAsync(db, CancellationToken.None));
        Assert.Equal(2, current!.Version);
    }

    [Fact]
    public async Task Broken_files_are_refused_with_every_problem_listed()
    {
        Assert.Contains("không phải JSON hợp lệ hoặc sai kiểu dữ liệu (dòng 2, ký tự ", string.Join("\n", await RefusedAsync(Encoding.UTF8.GetBytes("{\n  \"code\": \"DVCQ\",, }"))));
        Assert.Contains("trường “version”", string.Join("\n", await RefusedAsync(Encoding.UTF8.GetBytes("{ \"code\": \"DVCQ\", \"version\": \"hai\" }"))));
        Assert.Contains("Chưa chọn tệp", (await RefusedAsync([]))[0]);

        var seed = Seed();
        var indicators = seed["indicators"]!.AsArray();
        indicators.Single(i => (string?)i!["code"] == "VB.CT")!["unit"] = "PHONG.MA";
        indicators.Single(i => (string?)i!["code"] == "VB.QD")!["code"] = "VB.TB";
        indicators.Single(i => (string?)i!["code"] == "HS.SO.TYLE.DUNGHAN")!["formula"] = "HS.SO.DUNGHAN / * 100";
        indicators.Single(i => (string?)i!["code"] == "HS.DD.TYLE.DUNGHAN")!["formula"] = "HS.DD.TYLE.TREHAN + 1";
        indicators.Single(i => (string?)i!["code"] == "HS.DD.TYLE.TREHAN")!["formula"] = "HS.DD.TYLE.DUNGHAN - 1";
        indicators.Remove(indicators.Single(i => (string?)i!["code"] == "DON.NHIEUNGUOI"));
        seed["rules"]!.AsArray().Single(r => (string?)r!["code"] == "R.VU.GQ")!["right"] = "VU.TONGSO";
        var problems = await RefusedAsync(Json(seed));
        Assert.Contains("Không nhập được tệp đề cương", problems[0]);
        Assert.Contains("Chỉ tiêu VB.CT: đơn vị “PHONG.MA” không tồn tại.", problems);
        Assert.Contains("Mã chỉ tiêu “VB.TB” bị trùng.", problems);
        Assert.Contains("Công thức của HS.SO.TYLE.DUNGHAN: Ký tự không mong đợi “*” ở vị trí 17.", problems);
        Assert.Contains("Công thức tạo vòng lặp (chỉ tiêu tính từ chính nó): HS.DD.TYLE.DUNGHAN → HS.DD.TYLE.TREHAN → HS.DD.TYLE.DUNGHAN.", problems);
        Assert.Contains("Quy tắc R.VU.GQ (vế phải): mã chỉ tiêu “VU.TONGSO” (vị trí 1) không tồn tại.", problems);
        Assert.Contains("Quy tắc R.DON.NHIEUNGUOI (vế trái): mã chỉ tiêu “DON.NHIEUNGUOI” (vị trí 1) không tồn tại.", problems);
        Assert.Contains("2 chỉ tiêu đã có số liệu ở các kỳ trước nên không được bỏ khỏi đề cương, chỉ được đánh dấu ngừng sử dụng (\"retired\": true): DON.NHIEUNGUOI, VB.QD.", problems);

        var other = Seed();
        other["code"] = "KHAC";
        Assert.Contains("Mã đề cương trong tệp là “KHAC”, khác đề cương của hệ thống “DVCQ”", string.Join("\n", await RefusedAsync(Json(other))));

        await _admin.CreateDraftAsync();
        Assert.Contains("Đang có bản nháp phiên bản 2", (await RefusedAsync(Json(Seed()), HttpStatusCode.Conflict))[0]);
    }
}
