using DanVan.Data;
using DanVan.Domain.Auditing;
using DanVan.Domain.Notifications;
using DanVan.Domain.Organization;
using DanVan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Features.Notifications;

/// <summary>The admin's view of the outbox (pending, sent, failed with the SMTP answer) and resending a failed message.</summary>
public sealed class OutboxAdminService(DanVanDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const int PageSize = 200;

    public async Task<IReadOnlyDictionary<OutboxState, int>> CountsAsync(CancellationToken ct) =>
        (await db.Outbox.AsNoTracking().GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .ToDictionary(x => x.Key, x => x.Count);

    public Task<List<OutboxRow>> ListAsync(OutboxState state, CancellationToken ct) =>
        db.Outbox.AsNoTracking().Where(m => m.State == state).OrderByDescending(m => m.Id).Take(PageSize)
            .Select(m => new OutboxRow(m.Id, m.Kind, m.ToAddress, m.Subject, m.State, m.Attempts, m.CreatedAt, m.NextAttemptAt,
                m.SentAt, m.LastError, m.MessageId))
            .ToListAsync(ct);

    /// <summary>Puts a failed message back in the queue now (audited); false when it is not (or no longer) failed.</summary>
    public async Task<bool> ResendAsync(long id, CancellationToken ct)
    {
        if (!currentUser.IsInRole(Roles.Admin)) return false;
        var now = clock.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var changed = await db.Outbox.Where(m => m.Id == id && m.State == OutboxState.Failed).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboxState.Pending).SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.Attempts, 0), ct);
            if (changed == 0) return false;
            db.AuditEntries.Add(AuditEntry.Record(now, currentUser.Name, AuditActions.OutboxResent, newValue: id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        });
    }
}
