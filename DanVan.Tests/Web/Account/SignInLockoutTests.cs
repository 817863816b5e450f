using System.Net;
using System.Net.Http.Json;
using DanVan.Data.Seeding;
using DanVan.Tests.Support;
using DanVan.Tests.Web.Admin;
using AngleSharp.Dom;
using Serilog.Events;

namespace DanVan.Tests.Web.Account;

/// <summary>Decision 0030: wrong passwords block the (account, address) pair, not the account for everyone.</summary>
public sealed class SignInLockoutTests : IAsyncLifetime
{
    private const string Victim = "kstthc@danvan.local";
    private readonly ConfiguredFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<string> AlertAsync(HttpResponseMessage response) =>
        (await FormClient.ParseAsync(response)).QuerySelector(".alert-danger, .validation-summary-errors")?.TextContent ?? "";

    [Fact]
    public async Task An_attacker_blocks_only_their_own_address_with_a_growing_delay_and_the_user_still_signs_in()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await _app.BrowserFrom("198.51.100.20").SignInAsync(Victim)).StatusCode);

        var attacker = _app.BrowserFrom("198.51.100.66");
        for (var i = 0; i < 4; i++) Assert.Contains("không đúng", await AlertAsync(await attacker.SignInAsync(Victim, $"sai-mat-khau-{i}-rat-dai")));
        var fifth = await attacker.SignInAsync(Victim, "sai-mat-khau-4-rat-dai");
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Contains("tạm khóa", await AlertAsync(fifth));
        // Guessing stops: even the right password does not get in from there.
        Assert.Contains("thử lại sau 1 phút", await AlertAsync(await attacker.SignInAsync(Victim)));
        var api = await _app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = Victim, password = SeedOptions.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, api.StatusCode); // the test client's own address is another one

        // The victim, from their usual address and from a new one, is not locked out.
        Assert.Equal(HttpStatusCode.Redirect, (await _app.BrowserFrom("198.51.100.20").SignInAsync(Victim)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _app.BrowserFrom("198.51.100.21").SignInAsync(Victim)).StatusCode);

        // The delay grows: after a minute one more wrong guess blocks for two.
        _app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Contains("thử lại sau 2 phút", await AlertAsync(await attacker.SignInAsync(Victim, "sai-mat-khau-5-rat-dai")));
        _app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await attacker.SignInAsync(Victim)).StatusCode);
        _app.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.SignInAsync(Victim)).StatusCode);

        // The admin is told: an audit row per block and a warning in the log.
        Assert.Equal(2, (await _app.AuditAsync("user.sign-in-blocked")).Count);
        Assert.Equal(2, _app.Logs.Messages(LogEventLevel.Warning).Count(m => m.Contains("locked out") && m.Contains(Victim)));
    }

    [Fact]
    public async Task Guesses_from_many_addresses_block_new_addresses_but_not_the_ones_the_user_signs_in_from()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await _app.BrowserFrom("198.51.100.20").SignInAsync(Victim)).StatusCode);
        for (var i = 0; i < 20; i++) await _app.BrowserFrom($"192.0.2.{i + 1}").SignInAsync(Victim, "sai-mat-khau-rat-dai");

        var newAddress = await _app.BrowserFrom("192.0.2.200").SignInAsync(Victim);
        Assert.Equal(HttpStatusCode.TooManyRequests, newAddress.StatusCode);
        Assert.Contains("thử lại sau 15 phút", await AlertAsync(newAddress));
        Assert.Equal(HttpStatusCode.Redirect, (await _app.BrowserFrom("198.51.100.20").SignInAsync(Victim)).StatusCode);

        // The admin sees the account as blocked and can lift it.
        var admin = _app.BrowserFrom("198.51.100.99");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync("admin@danvan.local")).StatusCode);
        var locked = await admin.GetDocumentAsync("/admin/users?status=locked");
        Assert.Equal(Victim, Assert.Single(locked.QuerySelectorAll("[data-testid='users'] tbody tr")).GetAttribute("data-email"));
    }

    [Fact]
    public async Task An_unknown_account_answers_like_a_wrong_password_after_checking_a_hash_also_once_blocked()
    {
        var known = _app.BrowserFrom("198.51.100.30");
        var unknown = _app.BrowserFrom("198.51.100.31");
        for (var i = 0; i < 4; i++)
        {
            var a = await known.SignInAsync(Victim, "sai-mat-khau-rat-dai");
            var b = await unknown.SignInAsync("khong-co@danvan.local", "sai-mat-khau-rat-dai");
            Assert.Equal(a.StatusCode, b.StatusCode);
            Assert.Equal(await AlertAsync(a), await AlertAsync(b));
        }
        // One hash check per attempt either way: the unknown account is checked against a dummy hash.
        Assert.Equal(8, _app.Hasher.Verified.Count);
        Assert.Equal(4, _app.Hasher.Verified.Count(e => e == "nobody"));

        for (var i = 0; i < 2; i++)
        {
            var a = await known.SignInAsync(Victim, "sai-mat-khau-rat-dai");
            var b = await unknown.SignInAsync("khong-co@danvan.local", "sai-mat-khau-rat-dai");
            Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode);
            Assert.Equal(a.StatusCode, b.StatusCode);
            Assert.Equal(await AlertAsync(a), await AlertAsync(b));
        }
    }

    [Fact]
    public async Task A_long_s_in_the_email_shares_the_rate_limit_and_the_block_of_the_account()
    {
        await using var throttled = new ConfiguredFactory(("Security:SignInPerAccountPerMinute", "3"));
        var client = throttled.BrowserFrom("198.51.100.40");
        for (var i = 0; i < 3; i++) await client.SignInAsync(Victim, "sai-mat-khau-rat-dai");
        // "kſtthc" (U+017F) is KSTTHC to Identity's normaliser: the same account, so no fresh bucket.
        var spelled = await client.SignInAsync("k\u017Ftthc@danvan.local");
        Assert.Equal(HttpStatusCode.TooManyRequests, spelled.StatusCode);

        var other = _app.BrowserFrom("198.51.100.41");
        for (var i = 0; i < 5; i++) await other.SignInAsync(Victim, "sai-mat-khau-rat-dai");
        Assert.Contains("tạm khóa", await AlertAsync(await other.SignInAsync("k\u017Ftthc@danvan.local")));
    }

    [Fact]
    public async Task Wrong_current_passwords_in_change_password_are_counted_like_sign_ins()
    {
        var user = _app.BrowserFrom("198.51.100.50");
        Assert.Equal(HttpStatusCode.Redirect, (await user.SignInAsync("hctc@danvan.local")).StatusCode);
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++) last = await ChangeAsync(user, "sai-mat-khau-rat-dai");
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        var right = await ChangeAsync(user, SeedOptions.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("tạm khóa", await right.Content.ReadAsStringAsync());
        // The password did not change.
        Assert.Equal(HttpStatusCode.Redirect, (await _app.BrowserFrom("198.51.100.51").SignInAsync("hctc@danvan.local")).StatusCode);
    }

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current)
    {
        var page = await client.GetDocumentAsync("/Account/ChangePassword");
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[action='/Account/ChangePassword']")!;
        return await client.PostFormAsync(form, new Dictionary<string, string>
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = "một câu mật khẩu mới đủ dài",
            ["ConfirmPassword"] = "một câu mật khẩu mới đủ dài",
        });
    }
}
