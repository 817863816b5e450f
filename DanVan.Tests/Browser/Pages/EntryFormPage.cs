using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DanVan.Tests.Browser.Pages;

/// <summary>Phiếu số liệu of one (period, unit): /entry/{period}/{unit}, for the unit and for the compiler's review.</summary>
public sealed class EntryFormPage(IPage page)
{
    public IPage Page => page;

    public static async Task<EntryFormPage> OpenAsync(IPage page, string period, string unit)
    {
        await page.GotoAsync($"/entry/{period}/{unit}");
        var form = new EntryFormPage(page);
        await Expect(form.Status).ToBeVisibleAsync();
        return form;
    }

    public static string Id(string code) => code.Replace('.', '-');

    public ILocator Figure(string code) => page.Locator($"#v-{Id(code)}");
    public ILocator Status => page.GetByTestId("status");
    public ILocator Message => page.GetByTestId("message");
    public ILocator Violations => page.GetByTestId("violations");
    public ILocator Violation(string ruleCode) => page.Locator($"[data-rule='{ruleCode}']");
    public ILocator Explanation(string ruleCode) => page.Locator($"#{ExplanationId(ruleCode)}");
    public string ExplanationId(string ruleCode) => $"e-{Id(ruleCode)}";
    public ILocator ReturnComment => page.GetByTestId("return-comment");
    public ILocator ReadOnlyNotice => page.GetByTestId("read-only");
    public ILocator Reason => page.GetByLabel("Lý do thay đổi");
    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" });
    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = "Gửi", Exact = true });

    public async Task TypeFiguresAsync(IEnumerable<KeyValuePair<string, string>> figures)
    {
        foreach (var (code, value) in figures) await Figure(code).FillAsync(value);
    }

    public async Task SaveAsync()
    {
        await SaveButton.ClickAsync();
        await Expect(Message).ToHaveTextAsync("Đã lưu nháp.");
    }

    public async Task SubmitAsync()
    {
        await SubmitButton.ClickAsync();
        await Expect(Message).ToHaveTextAsync("Đã gửi phiếu số liệu.");
    }

    /// <summary>Every figure input is read-only and no button saves or sends.</summary>
    public async Task ExpectReadOnlyAsync()
    {
        await Expect(ReadOnlyNotice).ToBeVisibleAsync();
        await Expect(SubmitButton).ToHaveCountAsync(0);
        await Expect(SaveButton).ToHaveCountAsync(0);
        await Expect(page.Locator("#entry-form input.figure:not([readonly])")).ToHaveCountAsync(0);
        await Expect(page.Locator("#entry-form textarea:not([readonly])")).ToHaveCountAsync(0);
    }

    // The compiler's review, under the form.
    public ILocator ReturnCommentBox => page.GetByLabel("Ý kiến khi trả lại");
    public ILocator ReturnButton => page.GetByRole(AriaRole.Button, new() { Name = "Trả lại" });
    public ILocator AcceptButton => page.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận" });

    public async Task ReturnAsync(string comment)
    {
        await ReturnCommentBox.FillAsync(comment);
        await ReturnButton.ClickAsync();
        await Expect(Message).ToHaveTextAsync("Đã trả lại phiếu cho đơn vị.");
    }

    public async Task AcceptAsync()
    {
        await AcceptButton.ClickAsync();
        await Expect(Message).ToHaveTextAsync("Đã tiếp nhận phiếu số liệu.");
    }

    /// <summary>Vietnamese figures: 28.262 (dot for thousands), never 28,262 or 28262.</summary>
    public static readonly Regex VietnameseCount = new(@"^\d{1,3}(\.\d{3})*$");
}
