using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DanVan.Domain.Auditing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Web.Admin;

/// <summary>POST /api/v1/periods: admins create a period from a kind and a year.</summary>
public sealed class PeriodsApiTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _app.ApiAsync("admin@danvan.local");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Creating_a_period_answers_201_with_the_same_shape_as_the_period_list_and_its_location()
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/periods", new { kind = "H1", year = 2022 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/periods/2022-H1", response.Headers.Location!.OriginalString);
        var created = await response.JsonAsync();
        Assert.Equal("2022-H1", created.GetProperty("code").GetString());
        Assert.Equal("6 tháng đầu năm 2022", created.GetProperty("name").GetString());
        Assert.Equal("H1", created.GetProperty("kind").GetString());
        Assert.Equal("2021-12-15", created.GetProperty("cutoffFrom").GetString());
        Assert.Equal("2022-06-14", created.GetProperty("cutoffTo").GetString());
        Assert.Equal("2022-06-16", created.GetProperty("unitDeadline").GetString());
        Assert.Equal("2022-06-20", created.GetProperty("sendDeadline").GetString());
        Assert.False(created.GetProperty("locked").GetBoolean());

        var list = await (await _admin.GetAsync("/api/v1/periods")).JsonAsync();
        var item = list.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "2022-H1");
        Assert.Equal(item.GetRawText(), created.GetRawText());
        var located = await (await _admin.GetAsync(response.Headers.Location)).JsonAsync();
        Assert.Equal(item.GetRawText(), located.GetRawText());
        var audit = Assert.Single(await _app.AuditAsync(AuditActions.PeriodCreated));
        Assert.Equal("admin@danvan.local", audit.UserName);
    }

    [Theory]
    [InlineData("9M", 2023, "2023-9M", "2022-12-15", "2023-09-14")]
    [InlineData("q4", 2023, "2023-Q4", "2023-09-15", "2023-12-14")]
    [InlineData("M02", 2024, "2024-M02", "2024-01-15", "2024-02-14")]
    public async Task Every_kind_token_is_accepted(string kind, int year, string code, string from, string to)
    {
        var created = await (await _admin.PostAsJsonAsync("/api/v1/periods", new { kind, year })).JsonAsync();
        Assert.Equal(code, created.GetProperty("code").GetString());
        Assert.Equal(from, created.GetProperty("cutoffFrom").GetString());
        Assert.Equal(to, created.GetProperty("cutoffTo").GetString());
    }

    [Fact]
    public async Task Creating_an_existing_period_is_409_problem_details()
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/periods", new { kind = "Y", year = 2021 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2021-Y", (await response.JsonAsync()).GetProperty("detail").GetString());
        Assert.Empty(await _app.AuditAsync(AuditActions.PeriodCreated));
    }

    [Theory]
    [InlineData("{\"kind\":\"H2\",\"year\":2022}", "kind")]
    [InlineData("{\"kind\":\"\",\"year\":2022}", "kind")]
    [InlineData("{\"kind\":1,\"year\":2022}", "kind")]
    [InlineData("{\"year\":2022}", "kind")]
    [InlineData("{\"kind\":\"H1\",\"year\":1999}", "year")]
    [InlineData("{\"kind\":\"H1\",\"year\":2101}", "year")]
    [InlineData("{\"kind\":\"H1\",\"year\":2022.5}", "year")]
    [InlineData("{\"kind\":\"H1\",\"year\":\"2022\"}", "year")]
    [InlineData("{\"kind\":\"H1\"}", "year")]
    [InlineData("{\"kind\":\"H1\",", "body")]
    [InlineData("[\"H1\",2022]", "body")]
    [InlineData("", "body")]
    public async Task A_bad_kind_year_or_body_is_400_problem_details_naming_the_field(string json, string field)
    {
        var response = await _admin.PostAsync("/api/v1/periods", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), errors.GetRawText());
        Assert.NotEmpty(messages[0].GetString()!);
        Assert.Equal(0, await _app.DbAsync(db => db.Periods.CountAsync(p => p.Year > 2021)));
    }

    [Theory]
    [InlineData("tonghop@danvan.local")]
    [InlineData("lanhdao@danvan.local")]
    [InlineData("btcd@danvan.local")]
    public async Task Only_admins_create_periods(string email)
    {
        var client = await _app.ApiAsync(email);
        var response = await client.PostAsJsonAsync("/api/v1/periods", new { kind = "H1", year = 2022 });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await _app.DbAsync(db => db.Periods.AnyAsync(p => p.Code == "2022-H1")));
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/v1/periods", new { kind = "H1", year = 2022 });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_single_period_can_be_read_and_an_unknown_one_is_404()
    {
        var staff = await _app.ApiAsync("btcd@danvan.local");
        var period = await (await staff.GetAsync("/api/v1/periods/2021-h1")).JsonAsync();
        Assert.Equal("2021-H1", period.GetProperty("code").GetString());
        Assert.True(period.GetProperty("locked").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/v1/periods/2030-H1")).StatusCode);
        Assert.Equal(JsonValueKind.Object, (await (await staff.GetAsync("/api/v1/periods/x")).JsonAsync()).ValueKind);
    }
}
