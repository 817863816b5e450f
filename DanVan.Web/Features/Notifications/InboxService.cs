using DanVan.Data;
using DanVan.Domain.Notifications;
using DanVan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Features.Notifications;

/// <summary>The signed-in user's notices (bell, page, API) and their e-mail choices per kind.</summary>
public sealed class InboxService(DanVanDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const int PageSize = 100;

    private string UserId => currentUser.Id ?? "";

    public Task<int> UnreadCountAsync(CancellationToken ct) =>
        db.Notifications.AsNoTracking().CountAsync(n => n.UserId == UserId && n.ReadAt == null, ct);

    /// <summary>Newest first.</summary>
    public Task<List<InboxItem>> ListAsync(CancellationToken ct, bool unreadOnly = false) =>
        db.Notifications.AsNoTracking()
            .Where(n => n.UserId == UserId && (!unreadOnly || n.ReadAt == null))
            .OrderByDescending(n => n.Id).Take(PageSize)
            .Select(n => new InboxItem(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);

    /// <summary>Marks one of the user's notices read; returns its link, or null when it is not theirs.</summary>
    public async Task<string?> ReadAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var link = await db.Notifications.AsNoTracking().Where(n => n.Id == id && n.UserId == UserId).Select(n => n.Link).SingleOrDefaultAsync(ct);
        if (link is null) return null;
        await db.Notifications.Where(n => n.Id == id && n.UserId == UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return link;
    }

    public Task<int> ReadAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.Notifications.Where(n => n.UserId == UserId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<IReadOnlySet<NotificationKind>> EmailOffAsync(CancellationToken ct) =>
        (await db.EmailOptOuts.AsNoTracking().Where(o => o.UserId == UserId).Select(o => o.Kind).ToListAsync(ct)).ToHashSet();

    /// <summary>Keeps e-mail on for exactly the kinds given; the portal keeps every notice whatever is chosen.</summary>
    public async Task SetEmailOnAsync(IReadOnlyCollection<NotificationKind> on, CancellationToken ct)
    {
        var off = NotificationKindText.All.Where(k => !on.Contains(k)).ToHashSet();
        var stored = await db.EmailOptOuts.Where(o => o.UserId == UserId).ToListAsync(ct);
        db.EmailOptOuts.RemoveRange(stored.Where(o => !off.Contains(o.Kind)));
        db.EmailOptOuts.AddRange(off.Where(k => stored.All(o => o.Kind != k)).Select(k => EmailOptOut.Create(UserId, k)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The same choice saved twice at once (two tabs): the first one stands.
        }
    }
}
