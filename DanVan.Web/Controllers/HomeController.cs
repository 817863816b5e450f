using System.Diagnostics;
using DanVan.Domain.Organization;
using DanVan.Web.Infrastructure;
using DanVan.Web.Models.Home;
using DanVan.Web.Services.Home;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Controllers;

public sealed class HomeController(HomeService home, CurrentUser currentUser) : Controller
{
    /// <summary>Each role lands on its own home page.</summary>
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        switch (currentUser.PrimaryRole)
        {
            case Roles.Admin:
                return View("Admin", await home.AdminSummaryAsync(ct));
            case Roles.Compiler:
                return View("Compiler", await home.CompletenessAsync(ct));
            case Roles.Leader:
                return View("Leader", await home.CompletenessAsync(ct));
            case Roles.UnitStaff:
                return View("UnitStaff", await home.UnitPeriodsAsync(await currentUser.UnitIdsAsync(ct), ct));
            default:
                return View("NoRole");
        }
    }

    [AllowAnonymous]
    public IActionResult Error() =>
        View(new ErrorViewModel(Activity.Current?.Id ?? HttpContext.TraceIdentifier, StatusCodes.Status500InternalServerError));

    [AllowAnonymous]
    public IActionResult Status(int code) =>
        View("Error", new ErrorViewModel(Activity.Current?.Id ?? HttpContext.TraceIdentifier, code));
}
