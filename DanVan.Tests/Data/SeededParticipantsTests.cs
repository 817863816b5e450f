using DanVan.Data;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Data;

/// <summary>
/// The seeded periods take part by decision 0010: every unit with a submission, and the active units with something
/// to send in the period's template; never the agency. (Moved here from the data migration that once filled
/// participants of existing periods; the migrations are folded into one Initial, see decision 0040.)
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class SeededParticipantsTests(DanVanFactory factory)
{
    [Fact]
    public async Task Seeded_periods_enrol_the_supplying_units_and_never_the_agency()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();

        var rows = await (from pp in db.PeriodParticipants
                          join p in db.Periods on pp.PeriodId equals p.Id
                          join u in db.Units on pp.UnitId equals u.Id
                          select new { Period = p.Code, Unit = u.Code, u.IsAgency }).ToListAsync();
        var byPeriod = rows.ToLookup(r => r.Period, r => r.Unit);

        Assert.Equal(["BTCD", "HCTC", "KSTTHC", "TTPVHCC"], byPeriod["2021-H1"].Order());
        Assert.Equal(["BTCD", "HCTC", "KSTTHC", "TTPVHCC"], byPeriod["2019-H1"].Order());
        Assert.Equal(["BTCD", "HCTC", "KSTTHC", "TTPVHCC"], byPeriod["2021-Y"].Order());
        Assert.DoesNotContain(rows, r => r.IsAgency);
    }
}
