using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DanVan.Data;
using DanVan.Data.Identity;
using DanVan.Domain.Indicators;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Web.Services.Dashboard;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Bench.Dashboard;

/// <summary>
/// Fills a SQLite database with 10 years × 2 periods × 500 units × 100 indicators (1 000 000 values), starts the portal
/// in-process (WebApplicationFactory: no socket, nothing leaves the machine), signs in a leader and times
/// (a) DashboardService.OfficeAsync, (b) GET /dashboard and (c) GET / (the leader's home, a trivial signed-in page),
/// then prints a Markdown section for docs/benchmarks.md.
/// </summary>
internal static partial class BenchProgram
{
    // --smoke (CI): a tiny database and one run, to prove the bench still runs end to end.
    private static int Years = 10;
    private const int FirstYear = 2012;
    private static int UnitCount = 500;
    private static int IndicatorCount = 100;
    private const string LeaderEmail = "lanhdao@bench.local";
    private const string Password = "DanVan-Bench-2021";

    private static async Task<int> Main(string[] args)
    {
        var smoke = args.Contains("--smoke");
        if (smoke) (Years, UnitCount) = (1, 30);
        var runs = IntOption(args, "--runs", smoke ? 1 : 30);
        var warmup = IntOption(args, "--warmup", smoke ? 0 : 5);
        var folder = StringOption(args, "--folder") ?? Path.Combine(Path.GetTempPath(), "danvan-bench");
        var keep = args.Contains("--keep");
        Directory.CreateDirectory(folder);
        var dbPath = Path.Combine(folder, "danvan-bench.db");
        var reuse = args.Contains("--reuse") && File.Exists(dbPath);
        if (!reuse)
        {
            foreach (var file in Directory.GetFiles(folder, "danvan-bench.db*")) File.Delete(file);
        }

        var counter = new CommandCounter();
        await using var factory = new BenchFactory(dbPath, folder, counter);
        _ = factory.Services; // starts the portal: migrations, reference data, the bootstrap admin

        var fill = Stopwatch.StartNew();
        if (!reuse) await FillAsync(factory.Services);
        fill.Stop();
        var valueCount = await ScalarAsync(factory.Services, "SELECT COUNT(*) FROM \"Values\"");
        Console.WriteLine($"Database {dbPath}: {valueCount:N0} values ({(reuse ? "reused" : $"filled in {fill.Elapsed.TotalSeconds:F1} s")}).");

        // Production sends pages over plain HTTP to HTTPS: talk HTTPS, as a browser behind the proxy does.
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
        });
        await SignInAsync(client);

        if (args.Contains("--dump"))
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "dashboard.html"), await client.GetStringAsync("/dashboard"));
            await File.WriteAllTextAsync(Path.Combine(folder, "home.html"), await client.GetStringAsync("/"));
        }

        var loadBefore = LoadAverage();
        var service = new List<double>();
        var serviceCached = new List<double>();
        var dashboard = new List<double>();
        var home = new List<double>();
        var unit = new List<double>();
        int dashboardQueries = 0, homeQueries = 0, dashboardBytes = 0, homeBytes = 0, serviceQueries = 0;
        for (var i = 0; i < warmup + runs; i++)
        {
            var measured = i >= warmup;
            var (ms, queries) = await TimeServiceAsync(factory.Services, counter, fresh: true);
            if (measured) { service.Add(ms); serviceQueries = queries; }
            var (cms, _) = await TimeServiceAsync(factory.Services, counter, fresh: false);
            if (measured) serviceCached.Add(cms);
            var (dms, dq, db) = await TimeGetAsync(client, "/dashboard", counter);
            if (measured) { dashboard.Add(dms); dashboardQueries = dq; dashboardBytes = db; }
            var (hms, hq, hb) = await TimeGetAsync(client, "/", counter);
            if (measured) { home.Add(hms); homeQueries = hq; homeBytes = hb; }
            var (ums, _, _) = await TimeGetAsync(client, "/dashboard/unit/TTPVHCC", counter);
            if (measured) unit.Add(ums);
        }

        var ratio = Median(dashboard) / Median(home);
        var report = new StringBuilder();
        report.AppendLine("## Dashboard");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite (WAL), Release build;");
        report.AppendLine(CultureInfo.InvariantCulture, $"database: {Years} years × 2 periods × {UnitCount} units × {IndicatorCount} indicators = {valueCount:N0} values (plus {UnitCount * Years * 2:N0} submissions);");
        report.AppendLine(CultureInfo.InvariantCulture, $"{runs} timed runs after {warmup} warm-up runs, in-process (WebApplicationFactory, no socket), requests as a signed-in leader;");
        report.AppendLine(CultureInfo.InvariantCulture, $"load average at the start / end: {loadBefore} / {LoadAverage()} (other work on the machine shows as noise, mostly in p95).");
        report.AppendLine();
        report.AppendLine("| what | median | p95 | SQL commands | response |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| (a) `DashboardService.OfficeAsync`, figures summed afresh (`fresh: true`) | {Median(service):F1} ms | {P95(service):F1} ms | {serviceQueries} | – |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| (a′) `DashboardService.OfficeAsync`, sums from the cache (nothing changed) | {Median(serviceCached):F1} ms | {P95(serviceCached):F1} ms | {serviceQueries - 2} | – |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| (b) `GET /dashboard` (whole page) | {Median(dashboard):F1} ms | {P95(dashboard):F1} ms | {dashboardQueries} | {dashboardBytes / 1024.0:F0} KB |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| (c) `GET /` (leader's home, trivial signed-in page) | {Median(home):F1} ms | {P95(home):F1} ms | {homeQueries} | {homeBytes / 1024.0:F0} KB |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| `GET /dashboard/unit/TTPVHCC` (drill-down, for information) | {Median(unit):F1} ms | {P95(unit):F1} ms | – | – |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Ratio dashboard page / trivial page (medians): **{ratio:F2}** (target ≤ 5).");
        Console.WriteLine();
        Console.WriteLine(report.ToString());

        if (!keep && !args.Contains("--reuse"))
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(folder, "danvan-bench.db*")) File.Delete(file);
        }
        return smoke || ratio <= 5 ? 0 : 1;
    }

    // ---- the portal --------------------------------------------------------------------------------------------------

    private sealed class BenchFactory(string dbPath, string folder, CommandCounter counter) : WebApplicationFactory<global::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            // Seen while services are registered (in-memory settings apply later): a throwaway key certificate.
            builder.UseSetting("DataProtection:CertificatePath", Path.Combine(folder, "keys.pfx"));
            builder.UseSetting("DataProtection:CertificatePassword", "bench-only");
            builder.UseSetting("DataProtection:CreateCertificateIfMissing", "true");
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:DanVan"] = $"Data Source={dbPath}",
                ["Seed:Demo"] = "false",
                ["Seed:AdminEmail"] = "admin@bench.local",
                ["Seed:AdminPassword"] = Password,
                ["Serilog:MinimumLevel:Default"] = "Warning",
                ["Serilog:WriteTo:1:Args:path"] = Path.Combine(folder, "logs", "danvan-.log"),
            }));
            builder.ConfigureServices(services =>
                services.ConfigureDbContext<DanVan.Data.Providers.SqliteDanVanDbContext>(o => o.AddInterceptors(counter)));
        }
    }

    /// <summary>Counts the SQL commands the portal sends, to show that a request's queries do not grow with units.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private static async Task SignInAsync(HttpClient client)
    {
        var login = await client.GetStringAsync("/Account/Login");
        var token = TokenRegex().Match(login).Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = LeaderEmail, ["Password"] = Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in failed: {response.StatusCode}");
        var check = await client.GetAsync("/dashboard");
        if (check.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET /dashboard: {check.StatusCode}");
    }

    private static async Task<(double Ms, int Queries)> TimeServiceAsync(IServiceProvider services, CommandCounter counter, bool fresh)
    {
        await using var scope = services.CreateAsyncScope();
        var dashboard = scope.ServiceProvider.GetRequiredService<DashboardService>();
        counter.Reset();
        var sw = Stopwatch.StartNew();
        var model = await dashboard.OfficeAsync(null, CancellationToken.None, fresh) ?? throw new InvalidOperationException("No dashboard.");
        sw.Stop();
        if (model.Units != UnitCount) throw new InvalidOperationException($"Expected {UnitCount} units, got {model.Units}.");
        return (sw.Elapsed.TotalMilliseconds, counter.Count);
    }

    private static async Task<(double Ms, int Queries, int Bytes)> TimeGetAsync(HttpClient client, string url, CommandCounter counter)
    {
        counter.Reset();
        var sw = Stopwatch.StartNew();
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        sw.Stop();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url}: {response.StatusCode}");
        return (sw.Elapsed.TotalMilliseconds, counter.Count, body.Length);
    }

    // ---- the data ----------------------------------------------------------------------------------------------------

    /// <summary>
    /// Units, indicators, periods and the leader through EF (a few hundred rows); submissions and the million values
    /// with raw ADO.NET: one transaction, one prepared command per table, parameters rebound per row.
    /// </summary>
    private static async Task FillAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<DanVanDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var agency = await db.Units.SingleAsync(u => u.IsAgency);
        var existing = await db.Units.CountAsync(u => !u.IsAgency);
        for (var n = existing + 1; n <= UnitCount; n++)
            db.Units.Add(Unit.Create($"DV{n:000}", $"Đơn vị thử tải số {n:000}", agency, n));
        var template = await db.Templates.SingleAsync();
        var entered = await db.Indicators.CountAsync(i => i.TemplateId == template.Id && i.Formula == null);
        var owner = await db.Units.Where(u => !u.IsAgency).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        for (var n = entered + 1; n <= IndicatorCount; n++)
            db.Indicators.Add(Indicator.Create(template.Id, $"BENCH.{n:000}", $"Chỉ tiêu thử tải {n:000}", "lượt", ValueKind.Count, owner, "ketqua.vanban", 1000 + n, required: false));
        for (var year = FirstYear; year < FirstYear + Years; year++)
        {
            foreach (var kind in new[] { PeriodKind.HalfYear, PeriodKind.Year })
            {
                var period = ReportingPeriod.Create(new PeriodCode(year, kind), template.Id);
                period.Lock();
                db.Periods.Add(period);
            }
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        var participants = await db.Units.Where(u => !u.IsAgency).Select(u => u.Id).ToListAsync();
        foreach (var period in await db.Periods.Include(p => p.Participants).ToListAsync()) period.Enrol(participants);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var leader = new AppUser { UserName = LeaderEmail, Email = LeaderEmail, EmailConfirmed = true, FullName = "Lãnh đạo (thử tải)" };
        Check(await users.CreateAsync(leader, Password));
        Check(await users.AddToRoleAsync(leader, Roles.Leader));

        var unitIds = await db.Units.Where(u => !u.IsAgency).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
        var indicators = await db.Indicators.Where(i => i.TemplateId == template.Id && i.Formula == null).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Kind }).ToListAsync();
        var periods = await db.Periods.OrderBy(p => p.CutoffTo).ThenBy(p => p.CutoffFrom).ToListAsync();
        if (unitIds.Count != UnitCount || indicators.Count != IndicatorCount || periods.Count != Years * 2)
            throw new InvalidOperationException($"Unexpected shape: {unitIds.Count} units, {indicators.Count} indicators, {periods.Count} periods.");

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync();
        }
        var ticks = new DateTimeOffsetToBinaryConverter();
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO "Submissions" ("PeriodId", "UnitId", "Status", "SubmittedAt", "SubmittedBy", "ReviewedAt", "ReviewedBy",
                    "LastChangedAt", "LastChangedBy", "WasEverSubmitted", "IsLocked", "Version")
                VALUES ($period, $unit, 4, $at, 'bench', $at, 'bench', $at, 'bench', 1, 0, $version)
                """;
            var pPeriod = insert.Parameters.Add("$period", SqliteType.Integer);
            var pUnit = insert.Parameters.Add("$unit", SqliteType.Integer);
            var pAt = insert.Parameters.Add("$at", SqliteType.Integer);
            var pVersion = insert.Parameters.Add("$version", SqliteType.Text);
            await insert.PrepareAsync();
            foreach (var period in periods)
            {
                var at = new DateTimeOffset(period.UnitDeadline.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7));
                foreach (var unit in unitIds)
                {
                    pPeriod.Value = period.Id;
                    pUnit.Value = unit;
                    // Every 50th unit sends a day late, so that the late list and the completeness chart have something.
                    pAt.Value = ticks.ConvertToProvider(unit % 50 == 0 ? at.AddDays(1) : at.AddDays(-1));
                    pVersion.Value = Guid.NewGuid().ToString();
                    await insert.ExecuteNonQueryAsync();
                }
            }
            await tx.CommitAsync();
        }

        var submissions = new Dictionary<(long Period, long Unit), long>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT \"Id\", \"PeriodId\", \"UnitId\" FROM \"Submissions\"";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) submissions[(reader.GetInt64(1), reader.GetInt64(2))] = reader.GetInt64(0);
        }

        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO "Values" ("SubmissionId", "PeriodId", "UnitId", "IndicatorId", "Number", "Text", "IsPrefilled", "UpdatedAt", "UpdatedBy")
                VALUES ($submission, $period, $unit, $indicator, $number, NULL, 0, $at, 'bench')
                """;
            var pSubmission = insert.Parameters.Add("$submission", SqliteType.Integer);
            var pPeriod = insert.Parameters.Add("$period", SqliteType.Integer);
            var pUnit = insert.Parameters.Add("$unit", SqliteType.Integer);
            var pIndicator = insert.Parameters.Add("$indicator", SqliteType.Integer);
            var pNumber = insert.Parameters.Add("$number", SqliteType.Real);
            var pAt = insert.Parameters.Add("$at", SqliteType.Integer);
            await insert.PrepareAsync();
            var random = new Random(20210607); // fixed seed: every run writes the same database
            foreach (var period in periods)
            {
                pPeriod.Value = period.Id;
                pAt.Value = ticks.ConvertToProvider(new DateTimeOffset(period.CutoffTo.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)));
                foreach (var unit in unitIds)
                {
                    pUnit.Value = unit;
                    pSubmission.Value = submissions[(period.Id, unit)];
                    foreach (var indicator in indicators)
                    {
                        pIndicator.Value = indicator.Id;
                        pNumber.Value = indicator.Kind switch
                        {
                            ValueKind.Percent => (double)random.Next(0, 101),
                            ValueKind.YesNo => 1d,
                            _ => (double)random.Next(0, 5000),
                        };
                        await insert.ExecuteNonQueryAsync();
                    }
                }
            }
            await tx.CommitAsync();
        }
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA wal_checkpoint(TRUNCATE);";
            await pragma.ExecuteNonQueryAsync();
        }
        await connection.CloseAsync();
    }

    private static async Task<long> ScalarAsync(IServiceProvider services, string sql)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var result = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        await connection.CloseAsync();
        return result;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Median(List<double> xs) => Percentile(xs, 50);

    private static double P95(List<double> xs) => Percentile(xs, 95);

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(List<double> xs, int p)
    {
        var sorted = xs.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        StringOption(args, name) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? Math.Min(value, 10_000) : fallback;

    private static string? StringOption(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
