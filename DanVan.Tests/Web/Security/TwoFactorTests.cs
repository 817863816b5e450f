using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Data.Seeding;
using DanVan.Tests.Support;
using DanVan.Tests.Web.Admin.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.Security;

/// <summary>RFC 6238 computed independently of the portal's code: base32 key, HMAC-SHA1, 30-second steps, 6 digits.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32Key.Replace(" ", "").ToUpperInvariant().Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var o = hash[^1] & 0xF;
        var value = ((hash[o] & 0x7F) << 24 | hash[o + 1] << 16 | hash[o + 2] << 8 | hash[o + 3]) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class TwoFactorTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string CodeNow(string key) => Totp.Code(key, _app.Clock.GetUtcNow());

    /// <summary>Turns two-factor on through the pages; returns the key and the recovery codes shown.</summary>
    private async Task<(string Key, string[] RecoveryCodes)> EnableAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/Account/TwoFactor");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(page.QuerySelector<IHtmlFormElement>("form[action='/Account/TwoFactor/setup']")!)).StatusCode);
        page = await client.GetDocumentAsync("/Account/TwoFactor");
        var key = page.QuerySelector("[data-testid='key']")!.TextContent.Trim();
        var done = await client.PostAsync(page.QuerySelector<IHtmlFormElement>("form[action='/Account/TwoFactor/enable']")!, ("code", CodeNow(key)));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var codes = (await FormClient.ParseAsync(done)).QuerySelectorAll("[data-testid='recovery-codes'] li").Select(li => li.TextContent.Trim()).ToArray();
        _app.Clock.Advance(TimeSpan.FromSeconds(30)); // the confirming code is spent; the next sign-in needs the next one
        return (key, codes);
    }

    private async Task<HttpResponseMessage> SecondStepAsync(HttpClient browser, string code)
    {
        var page = await browser.GetDocumentAsync("/Account/LoginTwoFactor");
        return await browser.PostAsync(page.QuerySelector<IHtmlFormElement>("form[action='/Account/LoginTwoFactor']")!, ("Code", code));
    }

    private async Task<HttpClient> PasswordStepAsync(string email)
    {
        var browser = _app.CreateBrowser();
        var first = await browser.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/Account/LoginTwoFactor", first.Headers.Location!.OriginalString);
        Assert.True((await browser.GetAsync("/")).IsSignInRedirect()); // the password alone signs nobody in
        return browser;
    }

    [Fact]
    public async Task Enabling_shows_a_qr_code_as_a_data_image_confirms_with_a_code_and_shows_recovery_codes_once()
    {
        var client = await _app.SignedInAsync("tonghop@danvan.local");
        var start = await client.GetDocumentAsync("/Account/TwoFactor");
        Assert.NotNull(start.QuerySelector("[data-testid='nav-two-factor']"));
        await client.PostAsync(start.QuerySelector<IHtmlFormElement>("form[action='/Account/TwoFactor/setup']")!);

        var response = await client.GetAsync("/Account/TwoFactor");
        Assert.Contains("img-src 'self' data:", response.Headers.GetValues("Content-Security-Policy").Single());
        var page = await FormClient.ParseAsync(response);
        var src = page.QuerySelector<IHtmlImageElement>("[data-testid='qr']")!.GetAttribute("src")!;
        Assert.StartsWith("data:image/png;base64,", src);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(src["data:image/png;base64,".Length..])[..4]);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
        var key = page.QuerySelector("[data-testid='key']")!.TextContent.Trim();
        Assert.Equal(32, key.Replace(" ", "").Length); // 160-bit key

        var enableForm = page.QuerySelector<IHtmlFormElement>("form[action='/Account/TwoFactor/enable']")!;
        var wrongCode = CodeNow(key) == "000000" ? "111111" : "000000";
        var wrong = await FormClient.ParseAsync(await client.PostAsync(enableForm, ("code", wrongCode)));
        Assert.Contains("Mã xác thực không đúng", wrong.Body!.TextContent);
        Assert.False((await _app.UserAsync("tonghop@danvan.local")).TwoFactorEnabled);

        var done = await FormClient.ParseAsync(await client.PostAsync(enableForm, ("code", CodeNow(key))));
        var codes = done.QuerySelectorAll("[data-testid='recovery-codes'] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[A-Z2-7]{6}(-[A-Z2-7]{6}){3}$", c)); // 120 random bits each
        Assert.True((await _app.UserAsync("tonghop@danvan.local")).TwoFactorEnabled);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // Stored as SHA-256 hashes only, never as typed.
            var db = scope.ServiceProvider.GetRequiredService<DanVan.Data.DanVanDbContext>();
            var id = await _app.UserIdAsync("tonghop@danvan.local");
            var stored = await db.UserTokens.AsNoTracking().Where(t => t.UserId == id && t.Name == "RecoveryCodes").Select(t => t.Value).SingleAsync();
            Assert.Equal(10, stored!.Split(';').Length);
            Assert.DoesNotContain(codes, c => stored.Contains(c.Replace("-", ""), StringComparison.OrdinalIgnoreCase) || stored.Contains(c, StringComparison.OrdinalIgnoreCase));
        }

        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        var status = await client.GetDocumentAsync("/Account/TwoFactor"); // this session goes on
        Assert.NotNull(status.QuerySelector("[data-testid='two-factor-on']"));
        Assert.Equal("10", status.QuerySelector("[data-testid='recovery-left']")!.TextContent);
        Assert.DoesNotContain(codes[0], status.Body!.TextContent); // shown once only
        Assert.Equal("user.2fa-enabled", Assert.Single(await _app.AuditAsync("user.2fa")).Action);
    }

    [Fact]
    public async Task Sign_in_asks_for_the_code_refuses_a_wrong_or_replayed_one_and_counts_failures_towards_lockout()
    {
        var (key, _) = await EnableAsync(await _app.SignedInAsync("lanhdao@danvan.local"));

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        var browser = await PasswordStepAsync("lanhdao@danvan.local");
        var wrongCode = CodeNow(key) == "123456" ? "654321" : "123456";
        var wrong = await SecondStepAsync(browser, wrongCode);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Mã không đúng", await wrong.Content.ReadAsStringAsync());
        // A code lives 30 seconds: the previous step's code, never used, is refused too.
        var stale = Totp.Code(key, _app.Clock.GetUtcNow().AddSeconds(-30));
        Assert.Contains("Mã không đúng", await (await SecondStepAsync(browser, stale)).Content.ReadAsStringAsync());

        var code = CodeNow(key);
        var right = await SecondStepAsync(browser, code);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        // The same code, seen over a shoulder, does not work a second time.
        var other = await PasswordStepAsync("lanhdao@danvan.local");
        Assert.Contains("Mã không đúng", await (await SecondStepAsync(other, code)).Content.ReadAsStringAsync());
        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Redirect, (await SecondStepAsync(other, CodeNow(key))).StatusCode);

        // Wrong codes block this address like wrong passwords do (decision 0030), even for the right code.
        var guesser = await PasswordStepAsync("lanhdao@danvan.local");
        for (var i = 0; i < 5; i++) await SecondStepAsync(guesser, CodeNow(key) == "999999" ? "999998" : "999999");
        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        var blocked = await SecondStepAsync(guesser, CodeNow(key));
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Contains("tạm khóa", await blocked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_a_wrong_one_counts_as_one_failure()
    {
        var (_, codes) = await EnableAsync(await _app.SignedInAsync("admin@danvan.local"));

        var browser = await PasswordStepAsync("admin@danvan.local");
        Assert.Contains("Mã không đúng", await (await SecondStepAsync(browser, "ZZZZZ-ZZZZZ")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SecondStepAsync(browser, codes[0].ToLowerInvariant())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/users")).StatusCode);

        var again = await PasswordStepAsync("admin@danvan.local");
        Assert.Contains("Mã không đúng", await (await SecondStepAsync(again, codes[0])).Content.ReadAsStringAsync());
        Assert.Equal("9", (await browser.GetDocumentAsync("/Account/TwoFactor")).QuerySelector("[data-testid='recovery-left']")!.TextContent);
    }

    [Fact]
    public async Task Api_login_requires_the_code_when_two_factor_is_on()
    {
        var (key, codes) = await EnableAsync(await _app.SignedInAsync("tonghop@danvan.local"));

        var missing = await _app.ApiLoginAsync("tonghop@danvan.local", SeedOptions.DemoPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()))
            Assert.Contains("twoFactorCode", problem.RootElement.GetProperty("detail").GetString());

        var wrongCode = CodeNow(key) == "000000" ? "111111" : "000000";
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.ApiLoginAsync("tonghop@danvan.local", SeedOptions.DemoPassword, wrongCode)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.ApiLoginAsync("tonghop@danvan.local", "sai-mat-khau-rat-dai", CodeNow(key))).StatusCode);

        var ok = await _app.ApiLoginAsync("tonghop@danvan.local", SeedOptions.DemoPassword, CodeNow(key));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await ok.JsonAsync()).GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/periods")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _app.ApiLoginAsync("tonghop@danvan.local", SeedOptions.DemoPassword, recoveryCode: codes[1])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.ApiLoginAsync("tonghop@danvan.local", SeedOptions.DemoPassword, recoveryCode: codes[1])).StatusCode);
    }

    [Fact]
    public async Task Unit_staff_are_not_offered_two_factor()
    {
        var staff = await _app.SignedInAsync("btcd@danvan.local");
        Assert.Null((await staff.GetDocumentAsync("/")).QuerySelector("[data-testid='nav-two-factor']"));
        Assert.Contains("/Account/AccessDenied", (await staff.GetAsync("/Account/TwoFactor")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Turning_it_off_needs_the_password_and_an_admin_can_reset_it_for_a_user()
    {
        var leader = await _app.SignedInAsync("lanhdao@danvan.local");
        await EnableAsync(leader);
        var page = await leader.GetDocumentAsync("/Account/TwoFactor");
        var refused = await leader.PostAndFollowAsync(page.QuerySelector<IHtmlFormElement>("form[action='/Account/TwoFactor/disable']")!, ("password", "sai-mat-khau-rat-dai"));
        Assert.Contains("Mật khẩu không đúng", refused.Message());
        var off = await leader.PostAndFollowAsync(refused.QuerySelector<IHtmlFormElement>("form[action='/Account/TwoFactor/disable']")!, ("password", SeedOptions.DemoPassword));
        Assert.Contains("Đã tắt", off.Message());
        await _app.SignedInAsync("lanhdao@danvan.local"); // password alone again

        var compiler = await _app.SignedInAsync("tonghop@danvan.local");
        await EnableAsync(compiler);
        var admin = await _app.SignedInAsync("admin@danvan.local");
        var edit = await admin.EditPageAsync(_app, "tonghop@danvan.local");
        var withTwoFactor = await admin.GetDocumentAsync("/admin/users?status=2fa");
        Assert.Equal("tonghop@danvan.local", Assert.Single(withTwoFactor.QuerySelectorAll("[data-testid='users'] tbody tr")).GetAttribute("data-email"));
        var reset = await admin.PostAndFollowAsync(edit.ActionForm("reset-two-factor"));
        Assert.Contains("Đã tắt xác thực hai bước", reset.Message());
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await compiler.GetAsync("/")).IsSignInRedirect()); // sessions end with the reset
        await _app.SignedInAsync("tonghop@danvan.local");
        Assert.False((await _app.UserAsync("tonghop@danvan.local")).TwoFactorEnabled);
        Assert.Equal(["user.2fa-enabled", "user.2fa-disabled", "user.2fa-enabled", "user.2fa-reset"], (await _app.AuditAsync("user.2fa")).Select(a => a.Action));
    }

    [Fact]
    public async Task Wrong_passwords_when_turning_it_off_are_counted_like_sign_ins_and_then_even_the_right_one_is_refused()
    {
        var leader = await _app.SignedInAsync("lanhdao@danvan.local");
        await EnableAsync(leader);
        var page = await leader.GetDocumentAsync("/Account/TwoFactor");
        for (var i = 0; i < 5; i++)
            page = await leader.PostAndFollowAsync(page.QuerySelector<IHtmlFormElement>("form[action='/Account/TwoFactor/disable']")!, ("password", $"sai-mat-khau-{i}-rat-dai"));
        Assert.Contains("tạm khóa", page.Message());
        var right = await leader.PostAndFollowAsync(page.QuerySelector<IHtmlFormElement>("form[action='/Account/TwoFactor/disable']")!, ("password", SeedOptions.DemoPassword));
        Assert.Contains("vẫn đang bật", right.Message());
        Assert.True((await _app.UserAsync("lanhdao@danvan.local")).TwoFactorEnabled);
    }
}
