using System.Net;
using AngleSharp.Dom;
using DanVan.Tests.Support;
using DanVan.Tests.Web.Admin.Users;

namespace DanVan.Tests.Web.Security;

public sealed class ProductionConfigurationTests
{
    [Fact]
    public async Task Over_https_every_cookie_is_secure_tempdata_included_and_hsts_covers_subdomains()
    {
        await using var app = new ProductionFactory(("AllowedHosts", "*"));
        var browser = app.HttpsBrowser();
        var login = await browser.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var hsts = Assert.Single(login.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("includeSubDomains", hsts);
        Assert.Contains("max-age=31536000", hsts);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("hctc@danvan.local")).StatusCode);
        // Changing the password leaves its message in the TempData cookie.
        var page = await browser.GetDocumentAsync("/Account/ChangePassword");
        var changed = await browser.PostFormAsync(page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[action='/Account/ChangePassword']")!,
            new Dictionary<string, string> { ["CurrentPassword"] = DanVan.Data.Seeding.SeedOptions.DemoPassword, ["NewPassword"] = "một câu mật khẩu mới đủ dài", ["ConfirmPassword"] = "một câu mật khẩu mới đủ dài" });
        var tempData = Assert.Single(changed.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider", StringComparison.Ordinal));
        Assert.Contains("secure", tempData, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Over_plain_http_pages_redirect_to_https_instead_of_failing()
    {
        await using var app = new ProductionFactory(("App:PublicBaseUrl", "https://danvan.example.vn"));
        var login = await app.CreateBrowser().GetAsync("/Account/Login?returnUrl=%2F");
        Assert.Equal(HttpStatusCode.PermanentRedirect, login.StatusCode);
        Assert.Equal("https://danvan.example.vn/Account/Login?returnUrl=%2F", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_forged_host_is_refused_and_set_password_links_use_the_configured_public_address()
    {
        await using var app = new ProductionFactory(("App:PublicBaseUrl", "https://danvan.example.vn"), ("AllowedHosts", "danvan.example.vn;localhost"));
        var forged = await app.HttpsBrowser("evil.example").GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var admin = app.HttpsBrowser("localhost");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync("admin@danvan.local")).StatusCode);
        var page = await admin.GetDocumentAsync("/admin/users/new");
        var response = await admin.PostAsync(page.UserForm(), ("FullName", "Nguyễn Văn Mới"), ("Email", "moi@danvan.local"), ("Roles", "Leader"));
        var link = (await FormClient.ParseAsync(response)).QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("[data-testid='set-password-link']")!.Value.Trim();
        Assert.StartsWith("https://danvan.example.vn/Account/SetPassword?", link);
    }

    [Fact]
    public void Production_settings_do_not_allow_every_host()
    {
        var settings = System.Text.Json.JsonDocument.Parse(RepositoryFiles.Read("DanVan.Web", "appsettings.Production.json"));
        Assert.NotEqual("*", settings.RootElement.GetProperty("AllowedHosts").GetString());
    }

    [Fact]
    public void The_compose_stack_reaches_the_portal_only_through_the_tls_proxy()
    {
        var compose = RepositoryFiles.Read("docker-compose.yml");
        var start = compose.IndexOf("\n  web:", StringComparison.Ordinal);
        var next = System.Text.RegularExpressions.Regex.Match(compose[(start + 1)..], @"\n  [a-z-]+:\n");
        var web = compose[start..(start + 1 + next.Index)];
        Assert.DoesNotContain("ports:", web);
        Assert.Contains("DataProtection__CertificatePath", web);
        Assert.Contains("ForwardedHeaders__KnownNetworks: 172.30.0.0/24", web);
        Assert.Contains("subnet: 172.30.0.0/24", compose);
        Assert.Contains("image: caddy:2", compose);
        Assert.Contains("reverse_proxy web:8080", RepositoryFiles.Read("deploy", "Caddyfile"));
        Assert.Contains("\"127.0.0.1:5000:80\"", compose); // the mail catcher's page only on the host itself
    }
}
