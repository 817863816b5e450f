using Microsoft.Extensions.Caching.Memory;

namespace DanVan.Web.Services.Dashboard;

/// <summary>
/// Keeps the office's summed figures between dashboard requests while nothing has changed. Every change of a figure
/// or of a submission's state is written together with an audit entry (DOMAIN.md: “every change … is kept”), so the
/// highest audit entry id — one index lookup — is the stamp: a new entry anywhere means new sums. Entries also expire
/// after <see cref="Lifetime"/>, which bounds what a concurrent writer on another instance could leave unseen (on
/// SQL Server a transaction can commit a lower id after a higher one). The summing itself stays set-based and is what
/// the benchmark's “fresh” line measures.
/// </summary>
public sealed class DashboardFiguresCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public bool TryGet(string key, out IReadOnlyDictionary<int, IReadOnlyDictionary<string, decimal?>>? figures) =>
        cache.TryGetValue(Prefix + key, out figures);

    public void Set(string key, IReadOnlyDictionary<int, IReadOnlyDictionary<string, decimal?>> figures) =>
        cache.Set(Prefix + key, figures, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });

    private const string Prefix = "dashboard-figures:";
}
