using DanVan.Domain.Periods;
using DanVan.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DanVan.Data.Templates;

public static class TemplateVersions
{
    /// <summary>The version a new period is opened with: the newest published one (never a draft).</summary>
    public static Task<ReportTemplate?> CurrentAsync(DanVanDbContext db, CancellationToken ct) =>
        db.Templates.AsNoTracking().Where(t => !t.IsDraft).OrderByDescending(t => t.Version).ThenByDescending(t => t.Id).FirstOrDefaultAsync(ct);
}

/// <summary>
/// Periods bind only to published template versions: a period added, or moved to another version, pointing at a draft
/// is refused at save time, whichever page or import tried it.
/// </summary>
public sealed class DraftBindingGuard : SaveChangesInterceptor
{
    public const string Message = "Kỳ báo cáo chỉ được gắn với phiên bản đề cương đã phát hành, không với bản nháp.";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await CheckAsync(eventData.Context, cancellationToken);
        return result;
    }

    private static List<int> BoundTemplates(DbContext? context) =>
        context?.ChangeTracker.Entries<ReportingPeriod>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(p => p.TemplateId).IsModified))
            .Select(e => e.Entity.TemplateId).Distinct().ToList() ?? [];

    private static void Check(DbContext? context)
    {
        var ids = BoundTemplates(context);
        if (ids.Count > 0 && context!.Set<ReportTemplate>().Any(t => ids.Contains(t.Id) && t.IsDraft))
            throw new Domain.Common.DomainException(Message);
    }

    private static async Task CheckAsync(DbContext? context, CancellationToken ct)
    {
        var ids = BoundTemplates(context);
        if (ids.Count > 0 && await context!.Set<ReportTemplate>().AnyAsync(t => ids.Contains(t.Id) && t.IsDraft, ct))
            throw new Domain.Common.DomainException(Message);
    }
}
