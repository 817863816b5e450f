using System.Net;
using DanVan.Tests.Support;

namespace DanVan.Tests.Web.Security;

public sealed class ForwardedHeadersTests
{
    private static HttpRequestMessage Junk(HttpClient client, string forwardedFor) => new(HttpMethod.Get, "/Account/Login")
    {
        Headers = { { "X-Forwarded-For", forwardedFor }, { "X-Forwarded-Proto", "https" } },
    };

    [Fact]
    public async Task Headers_from_a_client_that_is_not_a_configured_proxy_change_neither_address_nor_scheme()
    {
        await using var app = new ConfiguredFactory(("Security:SignInPerAddressPerMinute", "3"));
        var client = app.CreateBrowser();
        client.BaseAddress = new Uri("http://portal.example/"); // HSTS is never sent to localhost
        var page = await client.SendAsync(Junk(client, "127.0.0.1"));
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(page.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        // Each junk sign-in claims a fresh address; all are counted against the real one.
        for (var i = 0; i < 3; i++)
        {
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"10.9.8.{i}");
            await client.SignInAsync("khong-co@danvan.local", "sai-mat-khau-rat-dai");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SignInAsync("btcd@danvan.local")).StatusCode);
    }

    [Fact]
    public async Task Headers_from_a_configured_proxy_give_the_client_address_and_scheme()
    {
        await using var app = new ConfiguredFactory(
            ("Security:SignInPerAddressPerMinute", "3"), ("ForwardedHeaders:KnownProxies", TestClientAddress.Default.ToString()));
        var client = app.CreateBrowser();
        client.BaseAddress = new Uri("http://portal.example/"); // HSTS is never sent to localhost
        var page = await client.SendAsync(Junk(client, "198.51.100.7"));
        Assert.True(page.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        for (var i = 0; i < 3; i++) await client.SignInAsync("khong-co@danvan.local", "sai-mat-khau-rat-dai");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SignInAsync("btcd@danvan.local")).StatusCode);
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.8");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("btcd@danvan.local")).StatusCode);
    }
}
