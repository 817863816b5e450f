using Microsoft.Playwright;

namespace DanVan.Tests.Browser.Pages;

/// <summary>The admin's periods: the list at /admin/periods, the creation preview, and one period's page.</summary>
public sealed class PeriodAdminPage(IPage page)
{
    public ILocator Periods => page.GetByTestId("periods");
    public ILocator NewPeriodLink => page.GetByTestId("new-period");
    public ILocator Kind => page.GetByLabel("Loại kỳ");
    public ILocator Year => page.GetByLabel("Năm", new() { Exact = true });
    public ILocator PreviewButton => page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" });
    public ILocator Preview => page.GetByTestId("preview");
    public ILocator PreviewCode => Preview.Locator("dd[data-preview='code']");
    public ILocator PreviewCutoff => Preview.GetByTestId("cutoff");
    public ILocator Confirm => page.GetByTestId("confirm");
    public ILocator Cutoff => page.GetByTestId("cutoff");
    public ILocator Status => page.GetByTestId("period-status");
    public ILocator Row(string period) => page.Locator($"[data-testid='periods'] tr", new() { HasText = period });
}
