using System.Security.Claims;
using DanVan.Data;
using DanVan.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Infrastructure;

/// <summary>Who is asking, and which units they may touch: loaded once per request from the database, never from input.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, DanVanDbContext db)
{
    private IReadOnlySet<int>? _unitIds;

    public ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();
    public string? Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier);
    public string Name => Principal.Identity?.Name ?? "";

    public bool IsInRole(string role) => Principal.IsInRole(role);

    /// <summary>The role whose home page the user sees: Admin, then Compiler, Leader, UnitStaff.</summary>
    public string? PrimaryRole => Roles.All.FirstOrDefault(IsInRole);

    public bool CanReadAllUnits => IsInRole(Roles.Compiler) || IsInRole(Roles.Leader) || IsInRole(Roles.Admin);

    /// <summary>Who opens the report pages: the readers of every unit, and the văn thư who issues the report.</summary>
    public bool CanReadReports => CanReadAllUnits || IsInRole(Roles.Clerk);

    public async Task<IReadOnlySet<int>> UnitIdsAsync(CancellationToken ct = default)
    {
        if (_unitIds is not null) return _unitIds;
        var id = Id;
        _unitIds = id is null
            ? new HashSet<int>()
            : (await db.UserUnits.AsNoTracking().Where(u => u.UserId == id).Select(u => u.UnitId).ToListAsync(ct)).ToHashSet();
        return _unitIds;
    }
}
