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
            case Roles.Clerk:
                return View("Clerk");
            case Roles.UnitStaff:
                return View("UnitStaff", await home.UnitPeriodsAsync(await currentUser.UnitIdsAsync(ct), ct));
            default:
                return View("NoRole");
        }
    }

    // Error pages are re-executed with the failed request's method: a POST refused before its form could be read
    // (antiforgery, or a body over the size limit) must still get a page, not an empty 400.
    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    public IActionResult Error() =>
        View(new ErrorViewModel(Activity.Current?.Id ?? HttpContext.TraceIdentifier, StatusCodes.Status500InternalServerError));

    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    public IActionResult Status(int code) =>
        // When the failed request's body cannot be read, binding "code" fails too; the re-executed response keeps the status.
        View("Error", new ErrorViewModel(Activity.Current?.Id ?? HttpContext.TraceIdentifier, code >= 400 ? code : Response.StatusCode));
}
