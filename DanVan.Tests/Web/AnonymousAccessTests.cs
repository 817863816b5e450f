using System.Net;
using DanVan.Tests.Support;

namespace DanVan.Tests.Web;

[Collection(SharedPortal.Name)]
public sealed class AnonymousAccessTests(DanVanFactory factory)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Home/Index")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar")]
    public async Task Pages_redirect_anonymous_visitors_to_sign_in(string url)
    {
        var response = await factory.CreateBrowser().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/api/v1/periods")]
    [InlineData("/api/v1/indicators")]
    public async Task Api_answers_anonymous_callers_with_401(string url)
    {
        var response = await factory.CreateBrowser().GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_does_not_accept_the_page_cookie()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsync("tonghop@danvan.local");

        var response = await client.GetAsync("/api/v1/periods");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_without_sign_in(string url)
    {
        var response = await factory.CreateBrowser().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task There_is_no_self_registration()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsync("admin@danvan.local");
        foreach (var url in new[] { "/Account/Register", "/Identity/Account/Register", "/api/v1/auth/register", "/register" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
