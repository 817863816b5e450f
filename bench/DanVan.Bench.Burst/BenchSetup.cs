using System.Diagnostics;
using System.Globalization;
using DanVan.Data;
using DanVan.Data.Identity;
using DanVan.Data.Seeding;
using DanVan.Domain.Indicators;
using DanVan.Domain.Organization;
using DanVan.Domain.Rules;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan.Bench.Burst;

/// <summary>One bench unit: its code, its staff account and the values it will enter.</summary>
public sealed record BenchUnit(int Index, string Code, int Id, string Email, IReadOnlyDictionary<string, decimal> Values)
{
    /// <summary>The entered codes in the order the driver sends them.</summary>
    public IReadOnlyList<string> Codes => Values.Keys.ToList();
}

public sealed record SetupResult(
    string PeriodCode, int PeriodId, int TemplateId, IReadOnlyList<BenchUnit> Units,
    int IndicatorsInTemplate, int RulesInTemplate, TimeSpan Seed, TimeSpan Organization, TimeSpan Users, string WarmUpCode);

/// <summary>
/// A fresh SQLite database built with the portal's own code: migrations, WAL and the demo seed (DatabaseInitializer),
/// then N extra units under the agency, each supplying its own small set of indicators in the template of the open
/// demo period, and one UnitStaff account per unit created through UserManager (the portal's Identity options,
/// password validators and default PBKDF2 iteration count).
/// </summary>
public static class BenchSetup
{
    public const int EnteredPerUnit = 20;

    public static async Task<SetupResult> RunAsync(string connectionString, string contentRoot, BenchOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = contentRoot,
            Args = [],
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:DanVan"] = connectionString,
            ["Seed:Demo"] = "true",
            ["DataProtection:CertificatePath"] = Path.Combine(contentRoot, "keys.pfx"),
            ["DataProtection:CertificatePassword"] = "bench-only",
            ["DataProtection:CreateCertificateIfMissing"] = "true",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDanVan(builder.Configuration, builder.Environment);
        // AddDanVan makes vi-VN the default culture; the bench prints invariant numbers.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

        await using var app = builder.Build();

        var sw = Stopwatch.StartNew();
        await DatabaseInitializer.InitializeAsync(app.Services);
        var seed = sw.Elapsed;

        sw.Restart();
        int periodId, templateId, indicatorCount, ruleCount;
        string periodCode, warmUpCode;
        var created = new List<(int Index, string Code, int Id)>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
            var open = await db.Periods.AsNoTracking().Where(p => !p.IsLocked && !p.IsIllustrative).ToListAsync();
            if (open.Count != 1) throw new InvalidOperationException($"Expected one open demo period, found {open.Count}.");
            var period = open[0];
            (periodId, periodCode, templateId) = (period.Id, period.Code, period.TemplateId);

            await using var tx = await db.Database.BeginTransactionAsync();
            var agency = await db.Units.SingleAsync(u => u.IsAgency);
            var order = await db.Units.MaxAsync(u => u.SortOrder);
            var units = Enumerable.Range(1, options.Units)
                .Select(i => Unit.Create(UnitCode(i), $"Đơn vị thử tải {i:000}", agency, ++order))
                .ToList();
            db.Units.AddRange(units);
            await db.SaveChangesAsync();

            var sort = await db.Indicators.Where(i => i.TemplateId == templateId).MaxAsync(i => i.SortOrder);
            foreach (var unit in units)
            {
                var u = unit.Code;
                for (var j = 1; j <= EnteredPerUnit; j++)
                {
                    db.Indicators.Add(Indicator.Create(templateId, IndicatorCode(u, j), $"Chỉ tiêu thử tải {j} của {u}", "hồ sơ",
                        ValueKind.Count, unit.Id, "ketqua", ++sort, required: true));
                }
                db.Indicators.Add(Indicator.Create(templateId, $"{u}.TYLE", $"Tỷ lệ thử tải của {u}", "%", ValueKind.Percent,
                    unit.Id, "ketqua", ++sort, required: false, formula: $"{IndicatorCode(u, 2)} / {IndicatorCode(u, 1)} * 100"));
                db.Rules.Add(ValidationRule.Create(templateId, $"R.{u}.TONG1", IndicatorCode(u, 1), RuleOperator.Equal,
                    string.Join(" + ", Enumerable.Range(2, 9).Select(j => IndicatorCode(u, j))), Severity.Error,
                    "Tổng ({left}) khác tổng các thành phần ({right.detail} = {right})"));
                db.Rules.Add(ValidationRule.Create(templateId, $"R.{u}.TONG2", IndicatorCode(u, 11), RuleOperator.Equal,
                    string.Join(" + ", Enumerable.Range(12, 9).Select(j => IndicatorCode(u, j))), Severity.Error,
                    "Tổng ({left}) khác tổng các thành phần ({right.detail} = {right})"));
            }
            var tracked = await db.Periods.Include(p => p.Participants).SingleAsync(p => p.Id == periodId);
            tracked.Enrol(units.Select(x => x.Id));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            created.AddRange(units.Select((x, i) => (i + 1, x.Code, x.Id)));
            indicatorCount = await db.Indicators.CountAsync(i => i.TemplateId == templateId);
            // A count figure of the first demo unit with a staff account, for the warm-up saves.
            var warmUnit = DemoUsers.All.First(u => u.UnitCode is not null).UnitCode!;
            warmUpCode = await db.Indicators.Where(i => i.TemplateId == templateId && i.Formula == null && i.Kind == ValueKind.Count
                    && db.Units.Any(u => u.Id == i.UnitId && u.Code == warmUnit))
                .OrderBy(i => i.SortOrder).Select(i => i.Code).FirstAsync();
            ruleCount = await db.Rules.CountAsync(r => r.TemplateId == templateId);
        }
        var organization = sw.Elapsed;

        // Default Identity hashing (PBKDF2, 100,000 iterations), one scope per worker so each has its own context.
        sw.Restart();
        await Parallel.ForEachAsync(created, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (unit, ct) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var email = Email(unit.Code);
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = $"Cán bộ {unit.Code}",
                LockoutEnabled = true,
            };
            user.Units.Add(new UserUnit { UnitId = unit.Id });
            Check(await users.CreateAsync(user, options.Password), email);
            Check(await users.AddToRoleAsync(user, Roles.UnitStaff), email);
        });
        var usersTime = sw.Elapsed;

        var benchUnits = created.Select(c => new BenchUnit(c.Index, c.Code, c.Id, Email(c.Code), ValuesFor(c.Index, c.Code))).ToList();
        return new SetupResult(periodCode, periodId, templateId, benchUnits, indicatorCount, ruleCount, seed, organization, usersTime, warmUpCode);
    }

    public static string UnitCode(int i) => $"U{i:000}";

    public static string IndicatorCode(string unit, int j) => $"{unit}.A{j:00}";

    public static string Email(string unitCode) => $"{unitCode.ToLowerInvariant()}@burst.local";

    /// <summary>Deterministic figures that satisfy both sum rules (A01 = A02..A10, A11 = A12..A20).</summary>
    public static IReadOnlyDictionary<string, decimal> ValuesFor(int index, string unit)
    {
        var random = new Random(index * 7919);
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var parts1 = Enumerable.Range(0, 9).Select(_ => (decimal)random.Next(0, 5000)).ToList();
        var parts2 = Enumerable.Range(0, 9).Select(_ => (decimal)random.Next(0, 5000)).ToList();
        values[IndicatorCode(unit, 1)] = parts1.Sum();
        for (var j = 0; j < 9; j++) values[IndicatorCode(unit, j + 2)] = parts1[j];
        values[IndicatorCode(unit, 11)] = parts2.Sum();
        for (var j = 0; j < 9; j++) values[IndicatorCode(unit, j + 12)] = parts2[j];
        return values;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Creating {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
