using System.Linq.Expressions;
using DanVan.Data;
using DanVan.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DanVan.Web.Features.Notifications;

/// <summary>
/// Delivers the outbox (decision 0025). A batch is claimed with one conditional UPDATE (state Pending, due, claim free
/// or expired → this sender's token and a claim end); only rows carrying the token are sent, then marked sent or
/// failed with the server's answer. Several portal instances on one database therefore send each row once; a sender
/// that dies between claim and send leaves rows that another picks up when the claim expires.
/// </summary>
public sealed class OutboxSender(
    DanVanDbContext db, IMailTransport transport, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<OutboxSender> logger)
{
    private static Expression<Func<OutboxMessage, bool>> Claimable(DateTimeOffset now) => m =>
        m.State == OutboxState.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now);

    /// <summary>Claims up to a batch of due rows for this sender; returns the token and the rows it holds.</summary>
    public async Task<(Guid Token, IReadOnlyList<OutboxMessage> Rows)> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var token = Guid.NewGuid();
        var candidates = await db.Outbox.AsNoTracking().Where(Claimable(now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(Math.Max(1, options.Value.BatchSize)).ToListAsync(ct);
        if (candidates.Count == 0) return (token, []);
        var until = now.AddSeconds(options.Value.ClaimSeconds);
        // The condition is repeated on the rows themselves: a row another sender claimed meanwhile no longer matches.
        await db.Outbox.Where(m => candidates.Contains(m.Id)).Where(Claimable(now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntil, until), ct);
        var rows = await db.Outbox.AsNoTracking().Where(m => m.ClaimToken == token).OrderBy(m => m.Id).ToListAsync(ct);
        return (token, rows);
    }

    /// <summary>Sends the claimed rows and records each outcome; returns how many the server accepted.</summary>
    public async Task<int> DeliverAsync(Guid token, IReadOnlyList<OutboxMessage> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return 0;
        var results = await transport.SendAsync(rows, ct);
        var now = clock.GetUtcNow();
        var sent = 0;
        foreach (var result in results)
        {
            var row = rows.First(r => r.Id == result.MessageId);
            if (result.Outcome == DeliveryOutcome.Sent)
            {
                sent++;
                await db.Outbox.Where(m => m.Id == row.Id && m.ClaimToken == token).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.State, OutboxState.Sent).SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.ClaimToken, (Guid?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), ct);
                continue;
            }
            var (state, next) = OutboxMessage.AfterFailure(row.Attempts + 1, result.Outcome == DeliveryOutcome.Permanent, now);
            var error = OutboxMessage.ClipError(result.Error ?? "Không rõ lỗi");
            logger.LogWarning("Outbox message {Id} ({Kind}) not delivered, attempt {Attempt}: {Error}", row.Id, row.Kind, row.Attempts + 1, error);
            await db.Outbox.Where(m => m.Id == row.Id && m.ClaimToken == token).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, state).SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, error)
                .SetProperty(m => m.ClaimToken, (Guid?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), ct);
        }
        return sent;
    }

    /// <summary>Claims and sends batches until nothing is due; returns how many were accepted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var total = 0;
        for (var round = 0; round < 100; round++)
        {
            var (token, rows) = await ClaimAsync(ct);
            if (rows.Count == 0) break;
            total += await DeliverAsync(token, rows, ct);
        }
        return total;
    }
}
