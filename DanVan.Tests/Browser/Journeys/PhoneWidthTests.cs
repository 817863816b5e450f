using DanVan.Tests.Browser.Pages;
using DanVan.Tests.Browser.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace DanVan.Tests.Browser.Journeys;

/// <summary>Issue 17: on a 390 px wide phone the working pages never scroll sideways; wide tables scroll in their own box.</summary>
public sealed class PhoneWidthTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private const int PhoneWidth = 390;

    /// <summary>The document's width, and the elements that reach past the screen (outside a box that scrolls itself).</summary>
    private const string Overflow = """
        (width) => {
          // Boxes that stick out past the screen, and boxes whose content (text too) overflows them, outside any
          // box that scrolls or clips by itself.
          // (An absolutely positioned box escapes a scroller that is not positioned: Bootstrap's visually-hidden
          // text inside a .table-responsive did, and made the whole page scroll.)
          const clipped = (e) => {
            if (getComputedStyle(e).position === 'absolute' || getComputedStyle(e).position === 'fixed') return false;
            for (let p = e.parentElement; p && p !== document.documentElement; p = p.parentElement) {
              if (getComputedStyle(p).overflowX !== 'visible') return true;
            }
            return false;
          };
          const name = (e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${[...e.classList].map(c => '.' + c).join('')}`;
          const wide = [];
          for (const e of document.querySelectorAll('body *')) {
            if (e.getClientRects().length === 0 || clipped(e)) continue;
            const box = e.getBoundingClientRect();
            const overflows = getComputedStyle(e).overflowX === 'visible' && box.left + e.scrollWidth > width + 0.5;
            if (box.right > width + 0.5 || overflows) wide.push(`${name(e)} right=${Math.round(Math.max(box.right, box.left + e.scrollWidth))}`);
          }
          return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(-10) };
        }
        """;

    private async Task AssertFitsAsync(IPage page, string name, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var result = await page.EvaluateAsync<OverflowResult>(Overflow, PhoneWidth);
        Output.WriteLine($"{name}: scrollWidth {result.ScrollWidth}; {string.Join("; ", result.Wide)}");
        await StepAsync($"Điện thoại 390 px: {name}", page: page, axe: false, test: test);
        Assert.True(result.ScrollWidth <= PhoneWidth,
            $"{name} is {result.ScrollWidth} px wide on a {PhoneWidth} px screen; reaching past it: {string.Join("; ", result.Wide)}");
    }

    private sealed class OverflowResult
    {
        public int ScrollWidth { get; set; }
        public string[] Wide { get; set; } = [];
    }

    private Task<IPage> PhoneAsync() => NewPageAsync(new ViewportSize { Width = PhoneWidth, Height = 844 });

    [BrowserFact]
    public async Task Dashboard_entry_form_board_and_report_editor_fit_a_390_px_phone()
    {
        var leader = await PhoneAsync();
        await leader.SignInAsync(Session.Leader);
        await leader.GotoAsync("/dashboard");
        await Expect(new DashboardPage(leader).Cards).ToBeVisibleAsync();
        await AssertFitsAsync(leader, "bảng điều hành");

        var unit = await PhoneAsync();
        await unit.SignInAsync(Session.UnitStaff);
        await unit.GotoAsync("/entry/2021-Y/TTPVHCC");
        await AssertFitsAsync(unit, "phiếu số liệu đang nhập");
        await unit.GotoAsync("/entry/2021-H1/TTPVHCC");
        await AssertFitsAsync(unit, "phiếu số liệu đã tiếp nhận");

        var compiler = await PhoneAsync();
        await compiler.SignInAsync(Session.Compiler);
        await compiler.GotoAsync("/review/2021-H1");
        await AssertFitsAsync(compiler, "bảng tổng hợp");
        await compiler.GotoAsync("/reports/2021-H1");
        await AssertFitsAsync(compiler, "soạn báo cáo");
    }
}
