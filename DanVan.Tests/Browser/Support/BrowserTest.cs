using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DanVan.Tests.Browser.Support;

/// <summary>
/// Base of every browser journey: a fresh portal (own database) and a fresh browser context per test, a screenshot
/// and an axe check at every step (TestResults/screenshots/TEST/NN-step.png, axe.txt beside them), and no script
/// error or CSP violation allowed in the browser console.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _allowedConsoleErrors = [];
    private readonly HashSet<string> _checkedPages = [];
    private readonly StringBuilder _axeLog = new();
    private readonly Stopwatch _watch = new();
    private readonly List<IBrowserContext> _contexts = [];
    private string? _testName;
    private int _step;

    protected BrowserPortal Portal { get; private set; } = null!;

    /// <summary>The first user's page; <see cref="NewPageAsync"/> opens another person's browser.</summary>
    protected IPage Page { get; private set; } = null!;

    protected ITestOutputHelper Output => output;

    public async Task InitializeAsync()
    {
        _watch.Start();
        Portal = BrowserPortal.Start();
        Page = await NewPageAsync();
        Log($"Portal at {Portal.BaseAddress} ready after {_watch.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>A new browser context: another person at another computer (or <paramref name="viewport"/>: a phone), with their own cookies.</summary>
    protected async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Portal.BaseAddress.ToString().TrimEnd('/'),
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
            // Bootstrap scrolls smoothly otherwise, and a screenshot taken mid-scroll shows a torn page.
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") _consoleErrors.Add($"{page.Url}: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => _consoleErrors.Add($"{page.Url}: {error}");
        return page;
    }

    /// <summary>
    /// One step of the journey as a person sees it: the page settled, a screenshot (scrolled to <paramref name="show"/>),
    /// and an axe check that fails on serious or critical violations. axe runs on each page the first time the journey
    /// shows it (axe takes seconds on a large form); <paramref name="axe"/> true checks again (a page in a new state:
    /// read-only, with errors), false skips.
    /// </summary>
    protected async Task StepAsync(string title, ILocator? show = null, IPage? page = null, bool? axe = null, [CallerMemberName] string test = "")
    {
        page ??= Page;
        _testName = test;
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (show is not null) await show.ScrollIntoViewIfNeededAsync();
        var file = Path.Combine(Folder(test), $"{++_step:00}-{Slug(title)}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
        Log($"[{_watch.Elapsed.TotalSeconds,6:0.0} s] {_step:00} {title} ({page.Url})");
        var path = new Uri(page.Url).GetLeftPart(UriPartial.Path);
        if (!(axe ?? !_checkedPages.Contains(path))) return;
        _checkedPages.Add(path);
        var started = _watch.Elapsed;
        var violations = await Accessibility.CheckAsync(page);
        Log($"[{_watch.Elapsed.TotalSeconds,6:0.0} s]    axe: {(_watch.Elapsed - started).TotalSeconds:0.0} s, {violations.Count} violation(s)");
        _axeLog.AppendLine($"{_step:00} {title} – {page.Url}: {(violations.Count == 0 ? "no violations" : "")}");
        _axeLog.Append(Accessibility.Describe(violations));
        var blocking = violations.Where(Accessibility.Blocks).ToList();
        Assert.True(blocking.Count == 0, $"Accessibility at step {_step:00} “{title}” ({page.Url}):\n{Accessibility.Describe(blocking)}");
    }

    private readonly StringBuilder _stepLog = new();

    private void Log(string line)
    {
        _stepLog.AppendLine(line);
        output.WriteLine(line);
    }

    /// <summary>A console error this journey expects (a refusal page's status, say); every other one fails the test.</summary>
    protected void AllowConsoleError(string contains) => _allowedConsoleErrors.Add(contains);

    /// <summary>Where a download of this test is kept for a person to open.</summary>
    protected string DownloadPath(string fileName, [CallerMemberName] string test = "") => Path.Combine(Folder(test), fileName);

    public async Task DisposeAsync()
    {
        try
        {
            if (_testName is not null)
            {
                // The last screen, whatever happened: a failed test shows where it stopped.
                try { await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder(_testName), "99-end.png") }); }
                catch (PlaywrightException e) { Log($"no end screenshot: {e.Message}"); }
                await File.WriteAllTextAsync(Path.Combine(Folder(_testName), "axe.txt"), _axeLog.ToString());
                Log($"[{_watch.Elapsed.TotalSeconds,6:0.0} s] end");
                await File.WriteAllTextAsync(Path.Combine(Folder(_testName), "steps.txt"), _stepLog.ToString());
            }
            foreach (var context in _contexts) await context.CloseAsync();
        }
        finally
        {
            await Portal.DisposeAsync();
        }
        var unexpected = _consoleErrors.Where(e => !_allowedConsoleErrors.Any(a => e.Contains(a, StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, "Browser console errors:\n" + string.Join("\n", unexpected));
    }

    private readonly HashSet<string> _cleaned = [];

    private string Folder(string test)
    {
        var folder = Path.Combine(Screenshots.Root, $"{GetType().Name}.{test}");
        if (_cleaned.Add(folder) && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string Slug(string title)
    {
        var normalized = title.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder();
        foreach (var c in normalized)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            var ascii = c is 'đ' ? 'd' : c is 'Đ' ? 'D' : c;
            slug.Append(char.IsAsciiLetterOrDigit(ascii) ? char.ToLowerInvariant(ascii) : '-');
        }
        return string.Join('-', slug.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>TestResults/screenshots/ at the repository root (ignored by git), where .ci/run keeps its results too.</summary>
public static class Screenshots
{
    public static string Root { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DanVan.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
