using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Features.Notifications;

/// <summary>Who hears of an event: the active accounts of a unit, or of a role.</summary>
public static class Recipients
{
    public static Task<List<Recipient>> OfUnitAsync(DanVanDbContext db, int unitId, CancellationToken ct) => (
            from uu in db.UserUnits
            join u in db.Users on uu.UserId equals u.Id
            where uu.UnitId == unitId && !u.IsDisabled
            orderby u.Email
            select new Recipient(u.Id, u.Email, u.FullName))
        .AsNoTracking().ToListAsync(ct);

    public static Task<List<Recipient>> InRoleAsync(DanVanDbContext db, string role, CancellationToken ct) => (
            from r in db.Roles
            join ur in db.UserRoles on r.Id equals ur.RoleId
            join u in db.Users on ur.UserId equals u.Id
            where r.Name == role && !u.IsDisabled
            orderby u.Email
            select new Recipient(u.Id, u.Email, u.FullName))
        .AsNoTracking().ToListAsync(ct);
}
