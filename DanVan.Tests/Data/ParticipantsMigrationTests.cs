using DanVan.Data;
using DanVan.Domain.Organization;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Data;

/// <summary>
/// Migration AdminPeriodsUnits fills the participants of the periods that existed before it: the units with a
/// submission in a period, and the active units with something to send in its template (decision 0010).
/// </summary>
public sealed class ParticipantsMigrationTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Existing_periods_get_their_units_with_history_and_the_active_suppliers()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var agency = await db.Units.SingleAsync(u => u.IsAgency);
        db.Units.Add(Unit.Create("MOI", "Đơn vị mới, chưa có chỉ tiêu", agency, 99));
        await db.SaveChangesAsync();
        // Only the flag matters to the migration under test.
        await db.Units.Where(u => u.Code == "BTCD").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsRetired, true));

        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("DashboardIndexes");
        await migrator.MigrateAsync();

        var rows = await (from pp in db.PeriodParticipants
                          join p in db.Periods on pp.PeriodId equals p.Id
                          join u in db.Units on pp.UnitId equals u.Id
                          select new { Period = p.Code, Unit = u.Code }).ToListAsync();
        var byPeriod = rows.ToLookup(r => r.Period, r => r.Unit);
        Assert.Equal(["BTCD", "HCTC", "KSTTHC", "TTPVHCC"], byPeriod["2021-H1"].Order()); // BTCD sent its figures
        Assert.Equal(["BTCD", "HCTC", "KSTTHC", "TTPVHCC"], byPeriod["2019-H1"].Order());
        Assert.Equal(["HCTC", "KSTTHC", "TTPVHCC"], byPeriod["2021-Y"].Order()); // retired, nothing written yet
        Assert.DoesNotContain(rows, r => r.Unit is "MOI" or "VPUBND");
    }
}
