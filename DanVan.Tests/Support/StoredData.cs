using DanVan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Support;

/// <summary>Reads what the portal stored, straight from its database, to check a write went where it should.</summary>
public static class StoredData
{
    public static async Task<T> QueryAsync<T>(this DanVanFactory app, Func<DanVanDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DanVanDbContext>());
    }

    public static Task<decimal?> StoredNumberAsync(this DanVanFactory app, string period, string unit, string code) =>
        app.QueryAsync(db => (
            from v in db.Values
            join i in db.Indicators on v.IndicatorId equals i.Id
            join p in db.Periods on v.PeriodId equals p.Id
            join u in db.Units on v.UnitId equals u.Id
            where p.Code == period && u.Code == unit && i.Code == code
            select v.Number).SingleOrDefaultAsync());
}
