namespace DanVan.Tests.Browser.Support;

/// <summary>
/// Debian's Chromium, driven by Playwright's own driver from the test output (.playwright/). Playwright's browser
/// download is never used: `playwright install` cannot reach anything here.
/// </summary>
public static class Chromium
{
    /// <summary>DANVAN_CHROMIUM points elsewhere on machines whose Chromium is not Debian's.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("DANVAN_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>CI installs Chromium (.ci/run): there a missing browser is a failure, never a skip.</summary>
    public static bool MustRun => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run",
    ];
}

/// <summary>A browser test: reported as skipped, with the reason, where Chromium is not installed (outside CI).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.IsInstalled && !Chromium.MustRun)
            Skip = $"Chromium not found at {Chromium.ExecutablePath} (apt-get install chromium, or set DANVAN_CHROMIUM)";
    }
}
