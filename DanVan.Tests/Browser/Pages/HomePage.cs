using Microsoft.Playwright;

namespace DanVan.Tests.Browser.Pages;

/// <summary>Each role's home page: the unit's periods, the compiler's and leader's completeness table.</summary>
public sealed class HomePage(IPage page)
{
    public ILocator UnitPeriods => page.GetByTestId("unit-periods");
    public ILocator Completeness => page.GetByTestId("completeness");
    public ILocator CompletenessRow(string period) => page.Locator($"[data-testid='completeness'] tr[data-period='{period}']");
    public ILocator ReportLink(string period) => CompletenessRow(period).GetByRole(AriaRole.Link, new() { Name = "Mở báo cáo" });
}

/// <summary>The completeness board of one period: /review/{period}, one row per unit.</summary>
public sealed class ReviewBoardPage(IPage page)
{
    public ILocator Board => page.GetByTestId("board");
    public ILocator Row(string unit) => page.Locator($"[data-testid='board'] tr[data-unit='{unit}']");
}
