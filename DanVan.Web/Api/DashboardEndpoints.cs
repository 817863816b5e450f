using DanVan.Web.Authorization;
using DanVan.Web.Services.Dashboard;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Api;

/// <summary>
/// GET /api/v1/periods/{period}/dashboard: the dashboard's figures as JSON, from the same query service as the page
/// (numbers as numbers, rates in percent with one decimal). {period} may be "latest". Leaders, compilers and admins
/// read the office-wide dashboard; with ?unit=CODE the drill-down of one unit, which that unit's own staff may read
/// too. Anything else is 403.
/// </summary>
public static class DashboardEndpoints
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        api.MapGet("/periods/{period}/dashboard", GetAsync)
            .WithSummary("Bảng điều hành của một kỳ (hoặc “latest”): số liệu chính, biểu đồ, chất lượng số liệu; ?unit= cho một đơn vị.")
            .Produces<DashboardModel>()
            .Produces<UnitDashboardModel>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> GetAsync(
        string period, [FromQuery] string? unit, DashboardService dashboard, Access access, CancellationToken ct)
    {
        if (unit is null)
        {
            if (!await access.CanAsync(Operations.Read, PeriodResource.All)) return Forbidden("Bảng điều hành toàn cơ quan chỉ dành cho lãnh đạo, chuyên viên tổng hợp và quản trị.");
            var model = await dashboard.OfficeAsync(period, ct);
            return model is null ? NotFound() : Results.Ok(model);
        }

        var found = await dashboard.FindUnitAsync(unit, ct);
        if (found is null) return NotFound();
        if (!await access.CanAsync(Operations.Read, new UnitSheet(found.Id)))
            return Forbidden("Bạn chỉ xem được số liệu của đơn vị mình.");
        var unitModel = await dashboard.UnitAsync(found.Code, period, ct);
        return unitModel is null ? NotFound() : Results.Ok(unitModel);
    }

    private static IResult NotFound() => Results.Problem("Không tìm thấy kỳ báo cáo hoặc đơn vị.", statusCode: 404, title: "Không tìm thấy");

    private static IResult Forbidden(string detail) => Results.Problem(detail, statusCode: 403, title: "Không có quyền");
}
