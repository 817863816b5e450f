using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DanVan.Tests.Browser.Pages;

/// <summary>The demo accounts (DatabaseSeeder) and signing in and out as a person does.</summary>
public static class Session
{
    public const string Password = "DanVan-Demo-2021";
    public const string UnitStaff = "ttpvhcc@danvan.local";
    public const string Compiler = "tonghop@danvan.local";
    public const string Leader = "lanhdao@danvan.local";
    public const string Admin = "admin@danvan.local";

    public static ILocator SignInButton(this IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" });

    public static async Task OpenSignInAsync(this IPage page)
    {
        await page.GotoAsync("/Account/Login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
    }

    public static async Task SignInAsync(this IPage page, string email)
    {
        await page.OpenSignInAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.SignInButton().ClickAsync();
        await Expect(page.GetByTestId("user-name")).ToContainTextAsync(email);
    }

    public static async Task SignOutAsync(this IPage page)
    {
        await page.GetByTestId("sign-out").ClickAsync();
        await Expect(page.SignInButton()).ToBeVisibleAsync();
    }
}
