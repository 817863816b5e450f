using Microsoft.Playwright;

namespace DanVan.Tests.Browser.Support;

/// <summary>One Chromium for every browser test; the tests run one after another (one collection) on a 2-core CI.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException($"Chromium not found at {Chromium.ExecutablePath}.");

    public async Task InitializeAsync()
    {
        // Fixtures are built even when every test is skipped: without Chromium there is nothing to start.
        if (!Chromium.IsInstalled && !Chromium.MustRun) return;
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.Arguments,
            Headless = true,
            Timeout = 120_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}

/// <summary>Run alone, after the parallel collections: a browser, a portal and axe share two cores with nothing else.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
