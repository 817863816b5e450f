using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DanVan.Data.Seeding;
using DanVan.Tests.Support;

namespace DanVan.Tests.Web.Account;

[Collection(SharedPortal.Name)]
public sealed class ApiTokenRefreshTests(DanVanFactory app)
{
    private async Task<(string Access, string Refresh)> LoginAsync(string email)
    {
        var login = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = SeedOptions.DemoPassword });
        login.EnsureSuccessStatusCode();
        var json = await login.JsonAsync();
        return (json.GetProperty("accessToken").GetString()!, json.GetProperty("refreshToken").GetString()!);
    }

    private Task<HttpResponseMessage> RefreshAsync(string token) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = token });

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_that_works()
    {
        var (_, refresh) = await LoginAsync("tonghop@danvan.local");
        var response = await RefreshAsync(refresh);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/periods")).StatusCode);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("refreshToken").GetString()));
    }

    [Fact]
    public async Task After_logout_earlier_refresh_tokens_are_refused_and_a_new_login_works_again()
    {
        var (access, refresh) = await LoginAsync("lanhdao@danvan.local");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode);

        var refused = await RefreshAsync(refresh);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("đăng nhập lại", (await refused.JsonAsync()).GetProperty("detail").GetString());

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var (_, fresh) = await LoginAsync("lanhdao@danvan.local");
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(fresh)).StatusCode);
    }

    [Fact]
    public async Task A_forged_or_access_token_used_as_refresh_token_is_refused()
    {
        var (access, _) = await LoginAsync("btcd@danvan.local");
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync("không-phải-token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(access)).StatusCode);
        var empty = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Logout_needs_a_bearer_token()
    {
        var response = await app.CreateClient().PostAsync("/api/v1/auth/logout", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
