using AngleSharp.Dom;
using System.Net;
using System.Text.Json;
using DanVan.Data.Seeding;
using DanVan.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace DanVan.Tests.Web.Admin.Users;

public sealed class SessionsAndPasswordsTests : IAsyncLifetime
{
    private readonly LoggingFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Disabling_a_user_ends_their_cookie_and_bearer_token_at_once_and_enabling_lets_them_back()
    {
        var browser = await _app.SignedInAsync("hctc@danvan.local");
        var api = await _app.ApiAsync("hctc@danvan.local");
        var stampBefore = (await _app.UserAsync("hctc@danvan.local")).SecurityStamp;
        var admin = await _app.SignedInAsync("admin@danvan.local");

        var page = await admin.EditPageAsync(_app, "hctc@danvan.local");
        var after = await admin.PostAndFollowAsync(page.ActionForm("disable"));
        Assert.Contains("Đã vô hiệu hóa", after.Message());
        Assert.NotEqual(stampBefore, (await _app.UserAsync("hctc@danvan.local")).SecurityStamp);
        _app.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await browser.GetAsync("/")).IsSignInRedirect());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/periods")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateBrowser().SignInAsync("hctc@danvan.local")).StatusCode); // refused
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.ApiLoginAsync("hctc@danvan.local", SeedOptions.DemoPassword)).StatusCode);
        var disabled = await admin.GetDocumentAsync("/admin/users?status=disabled");
        Assert.Equal("hctc@danvan.local", disabled.QuerySelector("[data-testid='users'] tbody tr")!.GetAttribute("data-email"));

        var enabled = await admin.PostAndFollowAsync(after.ActionForm("enable"));
        Assert.Contains("Đã kích hoạt lại", enabled.Message());
        await _app.SignedInAsync("hctc@danvan.local");
        Assert.Equal(["user.disabled", "user.enabled"], (await _app.AuditAsync("user.")).Select(a => a.Action));
    }

    [Fact]
    public async Task Signing_a_user_out_everywhere_ends_their_cookie_and_bearer_token()
    {
        var browser = await _app.SignedInAsync("tonghop@danvan.local");
        var api = await _app.ApiAsync("tonghop@danvan.local");
        var admin = await _app.SignedInAsync("admin@danvan.local");

        var page = await admin.EditPageAsync(_app, "tonghop@danvan.local");
        Assert.Contains("Đã đăng xuất", (await admin.PostAndFollowAsync(page.ActionForm("sign-out"))).Message());
        _app.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await browser.GetAsync("/")).IsSignInRedirect());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/periods")).StatusCode);
        await _app.SignedInAsync("tonghop@danvan.local"); // the password still works
        Assert.Equal("user.signed-out", Assert.Single(await _app.AuditAsync("user.")).Action);
    }

    [Fact]
    public async Task A_locked_out_account_is_shown_and_can_be_unlocked()
    {
        var client = _app.CreateBrowser();
        for (var i = 0; i < 5; i++) await client.SignInAsync("kstthc@danvan.local", $"sai-mat-khau-{i}-rat-dai");
        Assert.Contains("tạm khóa", await (await client.SignInAsync("kstthc@danvan.local")).Content.ReadAsStringAsync());

        var admin = await _app.SignedInAsync("admin@danvan.local");
        var locked = await admin.GetDocumentAsync("/admin/users?status=locked");
        var row = locked.QuerySelector("[data-testid='users'] tbody tr")!;
        Assert.Equal("kstthc@danvan.local", row.GetAttribute("data-email"));
        Assert.StartsWith("Tạm khóa đến", row.QuerySelector("[data-testid='lockout']")!.TextContent.Trim());

        var page = await admin.EditPageAsync(_app, "kstthc@danvan.local");
        Assert.Contains("Đã mở khóa", (await admin.PostAndFollowAsync(page.ActionForm("unlock"))).Message());
        await _app.SignedInAsync("kstthc@danvan.local");
        Assert.Empty((await admin.GetDocumentAsync("/admin/users?status=locked")).QuerySelectorAll("[data-testid='users'] tbody tr"));
    }

    [Fact]
    public async Task Resetting_a_password_refuses_the_old_one_ends_sessions_and_only_the_newest_link_sets_a_new_one()
    {
        var browser = await _app.SignedInAsync("btcd@danvan.local");
        var api = await _app.ApiAsync("btcd@danvan.local");
        var admin = await _app.SignedInAsync("admin@danvan.local");

        var page = await admin.EditPageAsync(_app, "btcd@danvan.local");
        var first = await admin.PostAsync(page.ActionForm("reset-password"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstLink = UsersPages.LinkOf(await FormClient.ParseAsync(first));
        _app.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await browser.GetAsync("/")).IsSignInRedirect());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/periods")).StatusCode);
        Assert.Contains("không đúng", await (await _app.CreateBrowser().SignInAsync("btcd@danvan.local")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.ApiLoginAsync("btcd@danvan.local", SeedOptions.DemoPassword)).StatusCode);

        // A second reset (the first link was lost) voids the first link.
        page = await admin.EditPageAsync(_app, "btcd@danvan.local");
        var secondLink = UsersPages.LinkOf(await FormClient.ParseAsync(await admin.PostAsync(page.ActionForm("reset-password"))));
        Assert.NotNull((await _app.CreateBrowser().GetDocumentAsync(firstLink)).QuerySelector("[data-testid='invalid-link']"));

        Assert.Equal(HttpStatusCode.Redirect, (await _app.SetPasswordAsync(secondLink, UsersPages.NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await _app.SignedInAsync("btcd@danvan.local", UsersPages.NewPassword)).GetAsync("/")).StatusCode);
        var token = await _app.ApiAsync("btcd@danvan.local", UsersPages.NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/periods")).StatusCode);

        var audit = await _app.AuditAsync("user.");
        Assert.Equal(["user.password-reset", "user.password-reset", "user.password-set"], audit.Select(a => a.Action));
        Assert.Contains("chưa có mật khẩu", audit[0].NewValue);
        foreach (var link in new[] { firstLink, secondLink })
        {
            var encoded = QueryHelpers.ParseQuery(new Uri("http://x" + link).Query)["token"].ToString();
            var raw = System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
            Assert.DoesNotContain(audit, a => (a.OldValue + a.NewValue).Contains(raw, StringComparison.Ordinal) || (a.OldValue + a.NewValue).Contains(encoded, StringComparison.Ordinal));
            Assert.DoesNotContain(_app.Logs.Events, e => e.RenderMessage().Contains(raw, StringComparison.Ordinal) || e.RenderMessage().Contains(encoded, StringComparison.Ordinal)
                || e.Properties.Values.Any(v => v.ToString().Contains(encoded, StringComparison.Ordinal) || v.ToString().Contains(raw, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task A_forged_or_truncated_link_is_refused_without_an_error()
    {
        var admin = await _app.SignedInAsync("admin@danvan.local");
        var page = await admin.EditPageAsync(_app, "lanhdao@danvan.local");
        var link = UsersPages.LinkOf(await FormClient.ParseAsync(await admin.PostAsync(page.ActionForm("reset-password"))));
        var anonymous = _app.CreateBrowser();
        foreach (var bad in new[] { link[..^5], link.Replace("user=", "user=x", StringComparison.Ordinal), "/Account/SetPassword", "/Account/SetPassword?user=a&token=%%%", "/Account/SetPassword?token=" + new string('A', 5000) })
        {
            var response = await anonymous.GetAsync(bad);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull((await FormClient.ParseAsync(response)).QuerySelector("[data-testid='invalid-link']"));
        }
        // Posting to a forged link changes nothing.
        var good = await anonymous.GetDocumentAsync(link);
        var form = good.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[action='/Account/SetPassword']")!;
        var forged = await anonymous.PostAsync(form, ("Token", "QUJD"), ("NewPassword", UsersPages.NewPassword), ("ConfirmPassword", UsersPages.NewPassword));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Null((await _app.UserAsync("lanhdao@danvan.local")).PasswordHash);
    }
}

/// <summary>A non-demo instance whose first admin comes from configuration: someone else knows that password.</summary>
public sealed class BootstrapAdminFactory : DanVanFactory
{
    public const string Email = "quantri@ubnd.local";
    public const string ConfiguredPassword = "Mật khẩu khởi tạo từ cấu hình 2026";

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Seed:Demo"] = "false";
            settings["Seed:AdminEmail"] = Email;
            settings["Seed:AdminPassword"] = ConfiguredPassword;
            return settings;
        }
    }
}

public sealed class MustChangePasswordTests : IAsyncLifetime
{
    private readonly BootstrapAdminFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_user_who_must_change_their_password_reaches_only_the_change_page_and_the_api_says_so()
    {
        var browser = await _app.SignedInAsync(BootstrapAdminFactory.Email, BootstrapAdminFactory.ConfiguredPassword);
        foreach (var url in new[] { "/", "/admin/users", "/admin/users/new", "/dashboard" })
        {
            var response = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/ChangePassword", response.Headers.Location!.OriginalString);
        }
        var page = await browser.GetDocumentAsync("/Account/ChangePassword");
        Assert.NotNull(page.QuerySelector("[data-testid='must-change']"));

        var api = await _app.ApiAsync(BootstrapAdminFactory.Email, BootstrapAdminFactory.ConfiguredPassword);
        var refused = await api.GetAsync("/api/v1/periods");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
            Assert.Contains("đổi mật khẩu", problem.RootElement.GetProperty("detail").GetString());

        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[action='/Account/ChangePassword']")!;
        var changed = await browser.PostAsync(form, ("CurrentPassword", BootstrapAdminFactory.ConfiguredPassword),
            ("NewPassword", UsersPages.NewPassword), ("ConfirmPassword", UsersPages.NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        _app.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/users")).StatusCode);
        Assert.Null((await browser.GetDocumentAsync("/Account/ChangePassword")).QuerySelector("[data-testid='must-change']"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/periods")).StatusCode); // the old token ended with the change
        var fresh = await _app.ApiAsync(BootstrapAdminFactory.Email, UsersPages.NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/periods")).StatusCode);
        Assert.False((await _app.UserAsync(BootstrapAdminFactory.Email)).MustChangePassword);
    }
}
