using System.Net;
using System.Net.Http.Json;
using System.Text;
using DanVan.Tests.Support;

namespace DanVan.Tests.Web.Api;

public sealed class EntryApiTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private const string Btcd = "/api/v1/periods/2021-Y/units/BTCD";

    [Fact]
    public async Task Get_returns_values_computed_narratives_and_violations_with_an_etag()
    {
        var compiler = await _app.ApiAsync("tonghop@danvan.local");

        var response = await compiler.GetAsync("/api/v1/periods/2021-H1/units/TTPVHCC");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("accepted", body.GetProperty("status").GetString());
        Assert.Equal(50003m, body.GetProperty("values").GetProperty("HS.TONG").GetDecimal());
        Assert.Equal(28509m * 100 / 28916, body.GetProperty("computed").GetProperty("HS.SO.TYLE.DUNGHAN").GetDecimal(), 10);
        var violation = body.GetProperty("violations").EnumerateArray().Single();
        Assert.Equal("Tổng số hồ sơ (19.388) khác kỳ trước chuyển qua + tiếp nhận mới (4.058 + 15.338 = 19.396)", violation.GetProperty("message").GetString());
        Assert.Equal("error", violation.GetProperty("severity").GetString());
        Assert.False(string.IsNullOrEmpty(violation.GetProperty("explanation").GetString()));
        Assert.True(body.GetProperty("narratives").EnumerateObject().Any());
    }

    [Fact]
    public async Task Put_saves_only_named_codes_and_reports_every_bad_value_without_saving()
    {
        var staff = await _app.ApiAsync("btcd@danvan.local");

        var bad = await staff.PutAsJsonAsync(Btcd + "/values", new
        {
            values = new Dictionary<string, object?> { ["DON.TONG"] = 515, ["DON.KN"] = -1, ["DON.TC"] = 1.5, ["HS.TONG"] = 3, ["DON.PAKN"] = "307" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.JsonAsync();
        var errors = problem.GetProperty("errors");
        Assert.Contains("âm", errors.GetProperty("DON.KN")[0].GetString());
        Assert.Contains("số nguyên", errors.GetProperty("DON.TC")[0].GetString());
        Assert.True(errors.TryGetProperty("HS.TONG", out _));
        Assert.True(errors.TryGetProperty("DON.PAKN", out _));
        var untouched = await (await staff.GetAsync(Btcd)).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, untouched.GetProperty("values").GetProperty("DON.TONG").ValueKind);

        var ok = await staff.PutAsJsonAsync(Btcd + "/values", new { values = new Dictionary<string, object?> { ["DON.TONG"] = 515, ["DON.KN"] = 174 } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var saved = await ok.JsonAsync();
        Assert.Equal(515m, saved.GetProperty("values").GetProperty("DON.TONG").GetDecimal());
        Assert.Equal("draft", saved.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Concurrent_clients_without_if_match_never_lose_each_others_values()
    {
        var a = await _app.ApiAsync("btcd@danvan.local");
        var b = await _app.ApiAsync("btcd@danvan.local");
        var codes = new[] { "DON.TONG", "DON.KN", "DON.TC", "DON.PAKN", "DON.DUDK", "DON.KHONGDUDK", "VU.GQ", "VU.TONG" };

        var responses = await Task.WhenAll(codes.Select((code, i) =>
            (i % 2 == 0 ? a : b).PutAsJsonAsync(Btcd + "/values", new { values = new Dictionary<string, object?> { [code] = i + 1 } })));

        foreach (var response in responses)
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

        var body = await (await a.GetAsync(Btcd)).JsonAsync();
        for (var i = 0; i < codes.Length; i++)
            Assert.Equal(i + 1, body.GetProperty("values").GetProperty(codes[i]).GetDecimal());
    }

    [Fact]
    public async Task Put_with_a_stale_if_match_gets_412_and_changes_nothing()
    {
        var a = await _app.ApiAsync("btcd@danvan.local");
        var first = await a.PutAsJsonAsync(Btcd + "/values", new { values = new Dictionary<string, object?> { ["DON.TONG"] = 1 } });
        var etag = first.Headers.ETag!.Tag;
        await a.PutAsJsonAsync(Btcd + "/values", new { values = new Dictionary<string, object?> { ["DON.TONG"] = 2 } });

        var stale = new HttpRequestMessage(HttpMethod.Put, Btcd + "/values")
        {
            Content = JsonContent.Create(new { values = new Dictionary<string, object?> { ["DON.TONG"] = 3 } }),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await a.SendAsync(stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(2m, (await (await a.GetAsync(Btcd)).JsonAsync()).GetProperty("values").GetProperty("DON.TONG").GetDecimal());
    }

    [Fact]
    public async Task Submit_needs_explanations_then_the_compiler_returns_and_accepts()
    {
        var staff = await _app.ApiAsync("btcd@danvan.local");
        var figures = new Dictionary<string, object?>
        {
            ["TCD.TX.LUOT"] = 111, ["TCD.TX.NGUOI"] = 131, ["TCD.TX.DOAN"] = 1, ["TCD.CT.DINHKY"] = 3, ["TCD.CT.DOTXUAT"] = 1,
            ["TCD.CT.DOITHOAI"] = 1, ["TCD.CT.LUOT"] = 5, ["TCD.CT.NGUOI"] = 48, ["TCD.CT.DOAN"] = 2, ["DON.TONG"] = 516,
            ["DON.NHIEUNGUOI"] = 23, ["DON.DUDK"] = 233, ["DON.KHONGDUDK"] = 282, ["DON.KN"] = 174, ["DON.TC"] = 34,
            ["DON.PAKN"] = 307, ["DON.PAKN.DUDK"] = 73, ["DON.PAKN.CHUYEN"] = 68, ["DON.PAKN.DONDOC"] = 5, ["VU.GQ"] = 2, ["VU.TONG"] = 2,
        };
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync(Btcd + "/values", new { values = figures })).StatusCode);

        var refused = await staff.PostAsJsonAsync(Btcd + "/submit", new { explanations = new Dictionary<string, string>() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var needed = (await refused.JsonAsync()).GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()!).ToList();
        Assert.Equal(2, needed.Count); // 516 ≠ 174 + 34 + 307 and 516 ≠ 233 + 282

        var sent = await staff.PostAsJsonAsync(Btcd + "/submit", new { explanations = needed.ToDictionary(r => r, _ => "Có 01 đơn nhận qua bưu điện ngày chốt, chưa phân loại.") });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("submitted", (await sent.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PutAsJsonAsync(Btcd + "/values", new { values = new Dictionary<string, object?> { ["DON.TONG"] = 515 } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync(Btcd + "/accept", new { })).StatusCode);

        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        var validation = await (await compiler.GetAsync("/api/v1/periods/2021-Y/validation")).JsonAsync();
        Assert.Equal(2, validation.EnumerateArray().Count(v => v.GetProperty("unit").GetString() == "BTCD"));
        Assert.All(validation.EnumerateArray(), v => Assert.NotNull(v.GetProperty("explanation").GetString()));

        Assert.Equal(HttpStatusCode.BadRequest, (await compiler.PostAsJsonAsync(Btcd + "/return", new { comment = "" })).StatusCode);
        var returned = await compiler.PostAsJsonAsync(Btcd + "/return", new { comment = "Đề nghị phân loại đơn." });
        Assert.Equal("returned", (await returned.JsonAsync()).GetProperty("status").GetString());

        var fixedValues = await staff.PutAsJsonAsync(Btcd + "/values", new { values = new Dictionary<string, object?> { ["DON.TONG"] = 515 }, reason = "Bỏ 01 đơn trùng." });
        Assert.Equal(HttpStatusCode.OK, fixedValues.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync(Btcd + "/submit", new { })).StatusCode);
        var accepted = await compiler.PostAsJsonAsync(Btcd + "/accept", new { });
        Assert.Equal("accepted", (await accepted.JsonAsync()).GetProperty("status").GetString());

        var history = await (await staff.GetAsync(Btcd + "/history?code=DON.TONG")).JsonAsync();
        Assert.Equal(new[] { "516", "515" }, history.EnumerateArray().Select(h => h.GetProperty("newValue").GetString()!).ToArray());
        Assert.Equal("Bỏ 01 đơn trùng.", history[1].GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/v1/periods/2021-Y/units/TTPVHCC", null)]
    [InlineData("PUT", "/api/v1/periods/2021-Y/units/TTPVHCC/values", "{\"values\":{\"HS.TONG\":1}}")]
    [InlineData("POST", "/api/v1/periods/2021-Y/units/TTPVHCC/submit", "{}")]
    [InlineData("POST", "/api/v1/periods/2021-Y/units/TTPVHCC/accept", "{}")]
    [InlineData("POST", "/api/v1/periods/2021-Y/units/TTPVHCC/return", "{\"comment\":\"x\"}")]
    [InlineData("GET", "/api/v1/periods/2021-Y/units/TTPVHCC/history?code=HS.TONG", null)]
    [InlineData("GET", "/api/v1/periods/2021-Y/validation", null)]
    public async Task Staff_of_another_unit_get_403_on_every_entry_endpoint(string method, string url, string? body)
    {
        var staff = await _app.ApiAsync("btcd@danvan.local");
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await staff.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        var values = (await (await compiler.GetAsync("/api/v1/periods/2021-Y/units/TTPVHCC")).JsonAsync()).GetProperty("values");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, values.GetProperty("HS.TONG").ValueKind);
    }

    [Theory]
    [InlineData("{\"values\":")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"values\":{\"DON.TONG\":true}}")]
    [InlineData("{\"values\":{\"DON.TONG\":1e40}}")]
    [InlineData("{\"values\":{}}")]
    public async Task Malformed_bodies_get_400_and_nothing_changes(string json)
    {
        var staff = await _app.ApiAsync("btcd@danvan.local");
        var response = await staff.PutAsync(Btcd + "/values", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("notStarted", (await (await staff.GetAsync(Btcd)).JsonAsync()).GetProperty("status").GetString());
    }
}
