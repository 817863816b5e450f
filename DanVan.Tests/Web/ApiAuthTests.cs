using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Data.Seeding;
using DanVan.Tests.Support;

namespace DanVan.Tests.Web;

[Collection(SharedPortal.Name)]
public sealed class ApiAuthTests(DanVanFactory factory)
{
    [Fact]
    public async Task Api_login_returns_a_bearer_token_that_opens_the_catalogue()
    {
        var client = factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "tonghop@danvan.local", password = SeedOptions.DemoPassword });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        var accessToken = token.RootElement.GetProperty("accessToken").GetString();
        Assert.False(string.IsNullOrEmpty(accessToken));
        Assert.Equal(3600, token.RootElement.GetProperty("expiresIn").GetInt32());

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var periods = JsonDocument.Parse(await client.GetStringAsync("/api/v1/periods"));
        var h1 = periods.RootElement.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "2021-H1");
        Assert.Equal("6 tháng đầu năm 2021", h1.GetProperty("name").GetString());
        Assert.Equal("H1", h1.GetProperty("kind").GetString());
        Assert.Equal(2021, h1.GetProperty("year").GetInt32());
        Assert.Equal("2020-12-15", h1.GetProperty("cutoffFrom").GetString());
        Assert.Equal("2021-06-14", h1.GetProperty("cutoffTo").GetString());
        Assert.True(h1.GetProperty("locked").GetBoolean());
        var year = periods.RootElement.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "2021-Y");
        Assert.False(year.GetProperty("locked").GetBoolean());
        Assert.Equal("2026-12-10", year.GetProperty("unitDeadline").GetString());

        using var indicators = JsonDocument.Parse(await client.GetStringAsync("/api/v1/indicators"));
        var tong = indicators.RootElement.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "HS.TONG");
        Assert.Equal("TTPVHCC", tong.GetProperty("unit").GetString());
        Assert.Equal("count", tong.GetProperty("kind").GetString());
        var rate = indicators.RootElement.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "HS.SO.TYLE.DUNGHAN");
        Assert.Equal("percent", rate.GetProperty("kind").GetString());
        Assert.NotNull(rate.GetProperty("formula").GetString());
    }

    [Theory]
    [InlineData("kstthc@danvan.local", "wrong-password-123")]
    [InlineData("nobody@danvan.local", SeedOptions.DemoPassword)]
    [InlineData("", "")]
    public async Task Api_login_with_wrong_credentials_gets_401_problem_details(string email, string password)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("không đúng", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Api_rejects_a_forged_token()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8forged");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/periods")).StatusCode);
    }
}
