using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Data;
using DanVan.Data.Identity;
using DanVan.Data.Seeding;
using DanVan.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace DanVan.Tests.Web.Security;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private readonly LoggingFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Five_wrong_passwords_block_this_address_for_a_minute_and_every_failure_is_logged_without_the_password()
    {
        var client = _app.CreateBrowser();
        for (var i = 0; i < 4; i++)
        {
            _app.Clock.Advance(TimeSpan.FromSeconds(5));
            var wrong = await client.SignInAsync("kstthc@danvan.local", $"sai-mat-khau-{i}-rat-dai");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var fifth = await client.SignInAsync("kstthc@danvan.local", "sai-mat-khau-4-rat-dai");
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        var locked = await client.SignInAsync("kstthc@danvan.local");
        Assert.Contains("tạm khóa", (await FormClient.ParseAsync(locked)).QuerySelector(".alert-danger")!.TextContent);

        _app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("kstthc@danvan.local")).StatusCode);

        var info = _app.Logs.Messages(LogEventLevel.Information).ToList();
        Assert.Equal(5, info.Count(m => m.Contains("wrong password") && m.Contains("kstthc@danvan.local")));
        Assert.Equal(1, info.Count(m => m.Contains("locked out") && m.Contains("kstthc@danvan.local")));
        Assert.Single(_app.Logs.Messages(LogEventLevel.Warning), m => m.Contains("locked out") && m.Contains("kstthc@danvan.local"));
        Assert.DoesNotContain(_app.Logs.Events, e => e.RenderMessage().Contains("sai-mat-khau") || e.Properties.Values.Any(v => v.ToString().Contains("sai-mat-khau")));
    }

    [Fact]
    public async Task Sign_in_is_rate_limited_per_account_with_429_for_forms_and_api()
    {
        await using var throttled = new LoggingFactory(signInsPerAccountPerMinute: 3);
        var client = throttled.CreateBrowser();
        for (var i = 0; i < 3; i++) await client.SignInAsync("hctc@danvan.local", "khong-dung-mat-khau");

        var form = await client.SignInAsync("hctc@danvan.local");
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Contains("quá nhiều lần", await form.Content.ReadAsStringAsync());
        var api = await throttled.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = "hctc@danvan.local", password = SeedOptions.DemoPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);

        // Another account from the same address is not held back by this one.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("btcd@danvan.local")).StatusCode);
    }

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_refused()
    {
        var client = _app.CreateBrowser();
        var signIn = await client.SignInAsync("lanhdao@danvan.local");
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var home = await client.GetDocumentAsync("/");
        await client.PostFormAsync(home.QuerySelector<IHtmlFormElement>("form[action='/Account/Logout']")!, new Dictionary<string, string>());

        _app.Clock.Advance(TimeSpan.FromSeconds(1)); // the stamp is checked whenever time has passed since the cookie was issued
        var replay = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        var response = await replay.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_page_session_and_api_token_at_once()
    {
        var browser = await _app.SignedInAsync("hctc@danvan.local");
        var api = await _app.ApiAsync("hctc@danvan.local");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync("hctc@danvan.local"))!;
            user.IsDisabled = true;
            await users.UpdateAsync(user);
        }
        _app.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/periods")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateBrowser().SignInAsync("hctc@danvan.local")).StatusCode); // refused
    }

    [Fact]
    public async Task A_session_ends_after_30_idle_minutes_and_12_hours_whatever_the_activity()
    {
        var idle = await _app.SignedInAsync("tonghop@danvan.local");
        _app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Redirect, (await idle.GetAsync("/")).StatusCode);

        var busy = await _app.SignedInAsync("tonghop@danvan.local");
        for (var minutes = 0; minutes < 12 * 60 - 20; minutes += 20)
        {
            _app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/")).StatusCode);
        }
        _app.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(HttpStatusCode.Redirect, (await busy.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Password_change_needs_the_current_one_refuses_common_and_short_ones_and_accepts_long_ones()
    {
        var client = await _app.SignedInAsync("btcd@danvan.local");
        async Task<HttpResponseMessage> Change(string current, string next, bool everywhere = false)
        {
            var page = await client.GetDocumentAsync("/Account/ChangePassword");
            var form = page.QuerySelector<IHtmlFormElement>("form[action='/Account/ChangePassword']")!;
            var fields = new Dictionary<string, string> { ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = next };
            if (everywhere) fields["SignOutEverywhere"] = "true";
            return await client.PostFormAsync(form, fields);
        }

        Assert.Contains("mật khẩu hiện tại", (await (await Change("sai-mat-khau-hien-tai", "Một câu rất dài và dễ nhớ 2026")).Content.ReadAsStringAsync()).ToLowerInvariant());
        Assert.Contains("quá phổ biến", await (await Change(SeedOptions.DemoPassword, "password1234")).Content.ReadAsStringAsync());
        Assert.Contains("quá phổ biến", await (await Change(SeedOptions.DemoPassword, "matkhau123456")).Content.ReadAsStringAsync());
        Assert.Contains("12 đến 128", await (await Change(SeedOptions.DemoPassword, "ngan-qua-11")).Content.ReadAsStringAsync());

        var other = await _app.SignedInAsync("btcd@danvan.local");
        var longPassword = string.Concat(Enumerable.Repeat("Sông Trà Khúc ", 5)).Trim(); // 69 characters, spaces and diacritics
        var changed = await Change(SeedOptions.DemoPassword, longPassword);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/")).StatusCode); // other sessions ended
        Assert.Equal(HttpStatusCode.Redirect, (await _app.CreateBrowser().SignInAsync("btcd@danvan.local", longPassword)).StatusCode);
    }
}
