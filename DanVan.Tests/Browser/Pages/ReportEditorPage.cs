using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DanVan.Tests.Browser.Pages;

/// <summary>The compiler's report editor: /reports/{period} with its metadata form, preview frame and downloads.</summary>
public sealed class ReportEditorPage(IPage page)
{
    public static async Task<ReportEditorPage> OpenAsync(IPage page, string period)
    {
        await page.GotoAsync($"/reports/{period}");
        var editor = new ReportEditorPage(page);
        await Expect(editor.State).ToBeVisibleAsync();
        return editor;
    }

    public ILocator State => page.GetByTestId("report-state");
    public ILocator Message => page.GetByTestId("message");
    public ILocator Lint => page.GetByTestId("lint");
    public ILocator MetadataForm => page.Locator("form[action$='/metadata']");
    public ILocator Field(string label) => page.GetByLabel(label, new() { Exact = true });
    public ILocator SaveMetadataButton => page.GetByRole(AriaRole.Button, new() { Name = "Lưu thông tin" });
    public ILocator PreviewFrame => page.GetByTestId("preview");
    public IFrameLocator Preview => page.FrameLocator("[data-testid='preview']");

    public async Task SaveMetadataAsync()
    {
        await SaveMetadataButton.ClickAsync();
        await Expect(Message).ToHaveTextAsync("Đã lưu thông tin báo cáo.");
    }

    /// <summary>Clicks a download link and keeps the file; returns the name the browser suggested and the bytes.</summary>
    public async Task<(string FileName, byte[] Content)> DownloadAsync(string linkText, string keepAs)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = linkText }).ClickAsync());
        Assert.Null(await download.FailureAsync());
        await download.SaveAsAsync(keepAs);
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(keepAs));
    }
}
