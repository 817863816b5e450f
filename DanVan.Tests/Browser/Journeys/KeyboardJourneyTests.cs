using System.Text.Json;
using DanVan.Tests.Browser.Pages;
using DanVan.Tests.Browser.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static DanVan.Tests.Browser.Journeys.TtpvhccFigures;
using static Microsoft.Playwright.Assertions;

namespace DanVan.Tests.Browser.Journeys;

/// <summary>Journey 1 with Tab, typing and Enter only: no mouse, no clicks, no filling of fields by selector.</summary>
public sealed class KeyboardJourneyTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private sealed class Focused
    {
        public string Tag { get; set; } = "";
        public string Id { get; set; } = "";
        public string Text { get; set; } = "";
        public string Code { get; set; } = "";
    }

    private Task<Focused> FocusedAsync() => Page.EvaluateAsync<Focused>("""
        () => {
            const e = document.activeElement;
            return { tag: e.tagName.toLowerCase(), id: e.id || '', text: (e.innerText || e.value || '').trim(),
                     code: e.dataset.code || '' };
        }
        """);

    /// <summary>Presses Tab until the focused element is the one wanted; fails if it is never reached.</summary>
    private async Task<Focused> TabToAsync(Func<Focused, bool> wanted, string what, int limit = 400)
    {
        for (var i = 0; i < limit; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            var focused = await FocusedAsync();
            if (wanted(focused)) return focused;
        }
        Assert.Fail($"Tab never reached {what} within {limit} presses (last focus: {JsonSerializer.Serialize(await FocusedAsync())})");
        return null!;
    }

    /// <summary>The focused field is on screen and not under the sticky “Lưu nháp / Gửi” bar (WCAG 2.4.11).</summary>
    private async Task ExpectFocusNotHiddenAsync()
    {
        var hidden = await Page.EvaluateAsync<string>("""
            () => {
                const f = document.activeElement.getBoundingClientRect();
                const bar = document.querySelector('#entry-form .sticky-bottom');
                const limit = bar ? bar.getBoundingClientRect().top : window.innerHeight;
                return f.top >= 0 && f.bottom <= limit ? '' : `focus at ${f.top}–${f.bottom}, visible area ends at ${limit}`;
            }
            """);
        Assert.True(hidden.Length == 0, $"The focused field is hidden: {hidden}");
    }

    [BrowserFact]
    public async Task Unit_staff_completes_journey_1_with_the_keyboard_only()
    {
        await Page.GotoAsync("/");
        await Expect(Page.SignInButton()).ToBeVisibleAsync();
        // The e-mail field has the focus when the page opens.
        await Page.Keyboard.TypeAsync(Session.UnitStaff);
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync(Session.Password);
        await StepAsync("Bàn phím: đăng nhập");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByTestId("user-name")).ToContainTextAsync(Session.UnitStaff);

        await TabToAsync(f => f.Tag == "a" && f.Text == "năm 2021", "the link to 2021-Y");
        await StepAsync("Bàn phím: chọn kỳ năm 2021");
        await Page.Keyboard.PressAsync("Enter");
        var form = new EntryFormPage(Page);
        await Expect(form.Status).ToHaveTextAsync("Chưa nhập");

        // The skip link comes first and leads into the page's content.
        var skip = await TabToAsync(f => f.Tag == "a", "the skip link", limit: 1);
        Assert.Equal("Chuyển đến nội dung chính", skip.Text);
        await Page.Keyboard.PressAsync("Enter");

        var remaining = Typed.ToDictionary(f => f.Key, f => f.Value);
        while (remaining.Count > 0)
        {
            var field = await TabToAsync(f => f.Tag == "input" && remaining.ContainsKey(f.Code), "the next figure to type", limit: 20);
            await ExpectFocusNotHiddenAsync();
            await Page.Keyboard.TypeAsync(remaining[field.Code]);
            remaining.Remove(field.Code);
            if (field.Code == "HS.SO.MOI") await StepAsync("Bàn phím: gõ 28.262", Page.Locator(":focus"));
        }
        await Expect(form.Figure("HS.DD.TYLE.DUNGHAN")).ToHaveTextAsync("76,1%");
        // Enter in a field sends the form with its first button, “Lưu nháp”.
        await Page.Keyboard.PressAsync("Enter");
        await Expect(form.Message).ToHaveTextAsync("Đã lưu nháp.");
        await Expect(form.Violation(LandTotalRule)).ToContainTextAsync(LandTotalMessage);
        await StepAsync("Bàn phím: lưu nháp, thấy lệch tổng", form.Violations);

        await TabToAsync(f => f.Id == form.ExplanationId(LandTotalRule), "the explanation of the mismatch");
        await Page.Keyboard.TypeAsync(Explanation);
        await StepAsync("Bàn phím: viết giải trình", Page.Locator(":focus"));
        await TabToAsync(f => f.Tag == "button" && f.Text == "Gửi", "the “Gửi” button");
        await StepAsync("Bàn phím: nút Gửi có viền tiêu điểm", Page.Locator(":focus"));
        await Page.Keyboard.PressAsync("Enter");

        await Expect(form.Message).ToHaveTextAsync("Đã gửi phiếu số liệu.");
        await Expect(form.Status).ToHaveTextAsync("Đã gửi");
        await form.ExpectReadOnlyAsync();
        await Expect(form.Figure("HS.SO.MOI")).ToHaveValueAsync("28.262");
        await StepAsync("Bàn phím: đã gửi, phiếu chỉ đọc");
    }
}
