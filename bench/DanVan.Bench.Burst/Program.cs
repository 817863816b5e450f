using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using DanVan.Bench.Burst;
using DanVan.Data.Seeding;
using Microsoft.Data.Sqlite;

// Deadline-day burst against the real portal on SQLite. Run from the repository root:
//   dotnet run -c Release --project bench/DanVan.Bench.Burst -- [--units 200] [--out result.md] [--keep]
// Exit code 0 only when there was no 5xx, no request without an answer and nothing lost or duplicated.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = BenchOptions.Parse(args);
var repo = FindRepositoryRoot();
var configuration = typeof(BenchOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "BuildConfiguration").Value!;
var framework = typeof(BenchOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "TargetFramework").Value!;
var webDll = options.WebDll ?? Path.Combine(repo, "DanVan.Web", "bin", configuration, framework, "DanVan.Web.dll");
if (!File.Exists(webDll)) throw new FileNotFoundException($"Build DanVan.Web first ({webDll}).");

var work = Path.Combine(Path.GetTempPath(), "danvan-burst-" + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
Directory.CreateDirectory(work);
var dbPath = Path.Combine(work, "danvan.db");
var connectionString = new SqliteConnectionStringBuilder { DataSource = dbPath }.ToString();
Console.WriteLine($"Work folder {work} ({configuration} build)");

using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds));
var ct = timeout.Token;

// 1. Setup: the portal's own initializer and seeder, then the bench units, indicators and accounts.
var total = Stopwatch.StartNew();
var setup = await BenchSetup.RunAsync(connectionString, work, options);
SqliteConnection.ClearAllPools();
Console.WriteLine($"Setup: seed {setup.Seed.TotalSeconds:0.0} s, {setup.Units.Count} units + indicators {setup.Organization.TotalSeconds:0.0} s, " +
    $"{setup.Units.Count} users {setup.Users.TotalSeconds:0.0} s; template now has {setup.IndicatorsInTemplate} indicators, {setup.RulesInTemplate} rules; period {setup.PeriodCode}");

// 2. The portal as a separate process.
var environment = new Dictionary<string, string>
{
    // 200 people behind one address sign in within the same minute; the default (300) would also do, but a rerun
    // with more units must not measure the throttle.
    ["Security__SignInPerAddressPerMinute"] = options.AddressLimit.ToString(CultureInfo.InvariantCulture),
};
foreach (var (key, value) in options.PortalEnvironment) environment[key] = value;
await using var portal = await PortalProcess.StartAsync(webDll, connectionString, work, environment, TimeSpan.FromSeconds(120));
Console.WriteLine($"Portal pid {portal.Id} at {portal.BaseAddress}");

// 3. Load.
using var driver = new Driver(portal.BaseAddress, options);
var streamToken = await driver.LoginAsync(DemoUsers.All.First(u => u.Role == DanVan.Domain.Organization.Roles.Compiler).Email, SeedOptions.DemoPassword, ct);
var warmUnit = DemoUsers.All.First(u => u.UnitCode is not null);
var warmToken = await driver.LoginAsync(warmUnit.Email, SeedOptions.DemoPassword, ct);
await driver.WarmUpAsync(streamToken, warmToken, setup.PeriodCode, warmUnit.UnitCode!, setup.WarmUpCode, ct);

var sampler = new Sampler(portal.Id, dbPath);
var (portalCpu, driverCpu, machine) = (portal.CpuTime(), Sampler.OwnCpu(), Sampler.MachineCpu());
void Account(PhaseResult phase)
{
    var (p, d, m) = (portal.CpuTime(), Sampler.OwnCpu(), Sampler.MachineCpu());
    phase.ServerCpu = p - portalCpu;
    phase.DriverCpu = d - driverCpu;
    phase.MachineBusySeconds = m.Busy - machine.Busy;
    phase.MachineTotalSeconds = m.Total - machine.Total;
    phase.PeakThreads = sampler.PeakThreads;
    phase.PeakDbHandles = sampler.PeakDbHandles;
    sampler.ResetPeaks();
    (portalCpu, driverCpu, machine) = (p, d, m);
}

var baseline = await driver.BaselineAsync(streamToken, ct);
Account(baseline);
Console.WriteLine($"Baseline: {baseline.Samples.Count} requests in {baseline.Wall.TotalSeconds:0.0} s");

var (burst, stream, outcomes) = await driver.BurstAsync(setup.Units, setup.PeriodCode, streamToken, ct);
Account(burst);
await sampler.DisposeAsync();
var peakMb = portal.PeakMemoryMb();
Console.WriteLine($"Burst: {burst.Samples.Count} requests in {burst.Wall.TotalSeconds:0.0} s (+{stream.Samples.Count} trivial)");

// 4. Kill the portal, then read the file.
await portal.DisposeAsync();
SqliteConnection.ClearAllPools();
var verification = await Verification.RunAsync(connectionString, setup, outcomes);
var log = File.ReadAllLines(portal.LogPath);
var logErrors = log.Count(l => l.Contains(" ERR]", StringComparison.Ordinal) || l.Contains(" FTL]", StringComparison.Ordinal));
var logLocked = log.Count(l => l.Contains("database is locked", StringComparison.OrdinalIgnoreCase) || l.Contains("SQLite Error 5", StringComparison.Ordinal));

var report = Report(options, setup, baseline, burst, stream, outcomes, verification, logErrors, logLocked, peakMb, total.Elapsed, configuration);
Console.WriteLine();
Console.WriteLine(report);
await File.WriteAllLinesAsync(Path.Combine(work, "samples.csv"),
    new[] { "phase,kind,status,start_s,ms" }.Concat(
        new[] { baseline, burst, stream }.SelectMany(p => p.Samples.Select(x =>
            string.Create(CultureInfo.InvariantCulture, $"{p.Name},{x.Kind},{x.Status},{x.StartSeconds:0.000},{x.Ms:0.0}")))));
var outPath = options.Out ?? Path.Combine(work, "burst-result.md");
await File.WriteAllTextAsync(outPath, report);
var failed = burst.Samples.Concat(stream.Samples).Concat(baseline.Samples).Any(s => s.Status >= 500 || s.Status == 0)
    || !verification.Clean || verification.ExpectedSubmitted != setup.Units.Count;
if (!options.Keep && !failed)
{
    try { Directory.Delete(work, recursive: true); } catch (IOException ex) { Console.Error.WriteLine($"Could not delete {work}: {ex.Message}"); }
    Console.WriteLine(options.Out is null ? "Work folder removed (--keep keeps the database, logs and samples.csv)." : $"Written to {outPath}; work folder removed.");
}
else
{
    Console.WriteLine($"Kept {work}: report {outPath}, portal log {portal.LogPath}, samples.csv.");
}
Console.WriteLine(failed ? "FAILED: 5xx, unanswered requests, or lost/duplicated data (see above)." : "OK: no 5xx, nothing lost or duplicated.");
return failed ? 1 : 0;

static string Report(
    BenchOptions o, SetupResult setup, PhaseResult baseline, PhaseResult burst, PhaseResult stream,
    IReadOnlyList<UnitOutcome> outcomes, VerificationResult v, int logErrors, int logLocked, double? peakMb, TimeSpan total, string configuration)
{
    var sb = new StringBuilder();
    var inv = CultureInfo.InvariantCulture;
    string Row(string name, IReadOnlyCollection<Sample> samples, TimeSpan wall)
    {
        var s = Stats.Of(samples, wall);
        var other = s.NonSuccess.Count == 0 ? "–" : string.Join(", ", s.NonSuccess.Select(p => $"{(p.Key == 0 ? "none" : p.Key.ToString(inv))}×{p.Value}"));
        return $"| {name} | {s.Count} | {Stats.Rate(s.PerSecond)} | {Stats.Ms(s.Median)} | {Stats.Ms(s.P95)} | {Stats.Ms(s.P99)} | {Stats.Ms(s.Max)} | {s.Status5xx} | {other} |";
    }

    var cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
    sb.AppendLine(inv, $"Machine: {Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {configuration} build; portal and driver on the same machine.");
    sb.AppendLine(inv, $"Data: {setup.Units.Count} bench units × {BenchSetup.EnteredPerUnit} entered indicators (+1 computed, 2 sum rules each) in the template of {setup.PeriodCode}: {setup.IndicatorsInTemplate} indicators and {setup.RulesInTemplate} rules in that template.");
    sb.AppendLine(inv, $"Load: {setup.Units.Count} virtual users{(o.MaxActive is { } m ? $", at most {m} active" : " at once")}, each: sign in, {o.Batches} PUTs of {BenchSetup.EnteredPerUnit / o.Batches} values, GET, submit (think time 0–{o.ThinkMilliseconds} ms); {o.StreamConcurrency} clients GET /api/v1/periods meanwhile. Baseline before: {o.BaselineRequests} × GET /api/v1/periods, {o.BaselineConcurrency} at a time.");
    sb.AppendLine();
    sb.AppendLine("| Requests | n | req/s | median ms | p95 ms | p99 ms | max ms | 5xx | non-2xx |");
    sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
    sb.AppendLine(Row("Burst, all requests", burst.Samples, burst.Wall));
    foreach (var kind in new[] { "login", "put", "get", "submit" })
        sb.AppendLine(Row($"· {kind}", burst.Samples.Where(s => s.Kind == kind).ToList(), burst.Wall));
    var entry = burst.Samples.Where(s => s.Kind != "login").ToList();
    sb.AppendLine(Row("Burst without sign-in", entry, burst.Wall));
    sb.AppendLine(Row("Trivial page during burst", stream.Samples, stream.Wall));
    var logins = burst.Samples.Where(x => x.Kind == "login").ToList();
    var signInEnd = logins.Count == 0 ? 0 : logins.Max(x => x.StartSeconds + x.Ms / 1000);
    var duringSignIn = stream.Samples.Where(x => x.StartSeconds < signInEnd).ToList();
    var afterSignIn = stream.Samples.Where(x => x.StartSeconds >= signInEnd).ToList();
    sb.AppendLine(Row($"· while sign-ins run (0–{signInEnd:0} s)", duringSignIn, TimeSpan.FromSeconds(signInEnd)));
    sb.AppendLine(Row("· after the last sign-in", afterSignIn, stream.Wall - TimeSpan.FromSeconds(signInEnd)));
    sb.AppendLine(Row("Trivial page alone (baseline)", baseline.Samples, baseline.Wall));
    sb.AppendLine();

    var burstRate = burst.Samples.Count / burst.Wall.TotalSeconds;
    var baselineRate = baseline.Samples.Count / baseline.Wall.TotalSeconds;
    var streamRate = stream.Samples.Count / stream.Wall.TotalSeconds;
    sb.AppendLine(inv, $"- Burst wall time {burst.Wall.TotalSeconds:0.0} s for {setup.Units.Count} users ({burst.Samples.Count} requests); portal CPU {burst.ServerCpu.TotalSeconds:0.0} s " +
        $"({burst.ServerCpu.TotalMilliseconds / Math.Max(1, burst.Samples.Count):0.0} ms per request, {burst.ServerCpu.TotalSeconds / burst.Wall.TotalSeconds / Environment.ProcessorCount * 100:0}% of the machine).");
    sb.AppendLine(inv, $"- Baseline: portal CPU {baseline.ServerCpu.TotalMilliseconds / Math.Max(1, baseline.Samples.Count):0.00} ms per request.");
    foreach (var phase in new[] { baseline, burst })
    {
        var share = (double seconds) => phase.MachineTotalSeconds > 0 ? seconds / phase.MachineTotalSeconds * 100 : 0;
        sb.AppendLine(inv, $"- Machine during {phase.Name}: busy {share(phase.MachineBusySeconds):0}% of all cores — portal {share(phase.ServerCpu.TotalSeconds):0}%, " +
            $"driver {share(phase.DriverCpu.TotalSeconds):0}%, other processes {share(phase.MachineBusySeconds - phase.ServerCpu.TotalSeconds - phase.DriverCpu.TotalSeconds):0}%; " +
            $"portal peak {phase.PeakThreads} threads, {phase.PeakDbHandles} open handles on the database file.");
    }
    sb.AppendLine(inv, $"- Ratio burst ÷ trivial page alone: {burstRate:0.0} ÷ {baselineRate:0.0} req/s = {burstRate / baselineRate:0.000} (1 : {baselineRate / burstRate:0.0}). Trivial page during the burst ran at {streamRate / baselineRate * 100:0.0}% of its rate alone.");
    if (peakMb is { } mb) sb.AppendLine(inv, $"- Portal peak resident memory {mb:0} MB.");
    sb.AppendLine(inv, $"- Portal log: {logErrors} error lines, {logLocked} “database is locked”.");
    var loggedIn = outcomes.Count(x => x.LoggedIn);
    var readback = outcomes.Sum(x => x.ReadbackMismatches);
    sb.AppendLine(inv, $"- Users signed in {loggedIn}/{outcomes.Count}; sheets submitted (client saw “submitted”) {v.ExpectedSubmitted}/{outcomes.Count}; read-back mismatches in the GET before submit {readback}.");
    sb.AppendLine();
    sb.AppendLine("Verification after the run (portal killed with SIGKILL, database file read directly):");
    sb.AppendLine();
    sb.AppendLine("| Check | expected | found | lost | duplicated | other |");
    sb.AppendLine("|---|---:|---:|---:|---:|---|");
    sb.AppendLine(inv, $"| Values (acknowledged by a 2xx) | {v.ExpectedValues} | {v.StoredValueRows} rows | {v.LostValues} | {v.DuplicatedValues} | wrong number {v.WrongValues}, unexpected {v.UnexpectedValues}, stored without a 2xx {v.NotAcknowledgedButStored}, neither {v.NotStoredAndNotAcknowledged} |");
    sb.AppendLine(inv, $"| Submissions Submitted | {v.ExpectedSubmitted} | {v.Submitted} ({v.SubmissionRows} rows) | {v.LostSubmissions} | {Math.Max(0, v.SubmissionRows - outcomes.Count)} | – |");
    sb.AppendLine(inv, $"| Audit rows (value.changed + submission.submitted) | {v.ExpectedAudit} | {v.AuditRows} | {v.LostAudit} | {v.DuplicatedAudit} | unexpected {v.UnexpectedAudit} |");
    if (v.Problems.Count > 0)
    {
        sb.AppendLine();
        foreach (var p in v.Problems.Take(20)) sb.AppendLine("- " + p);
    }
    var errors = burst.Samples.Concat(stream.Samples).Concat(baseline.Samples).Where(s => s.Status is 0 or >= 400).Take(5).ToList();
    if (errors.Count > 0)
    {
        sb.AppendLine();
        sb.AppendLine("First failed requests:");
        foreach (var e in errors) sb.AppendLine(inv, $"- {e.Kind} {e.Status} after {e.Ms:0} ms: {e.Error}");
    }
    sb.AppendLine();
    sb.AppendLine(inv, $"Total bench time {total.TotalSeconds:0} s (setup {(setup.Seed + setup.Organization + setup.Users).TotalSeconds:0} s: seed {setup.Seed.TotalSeconds:0.0} s, units and indicators {setup.Organization.TotalSeconds:0.0} s, {setup.Units.Count} accounts {setup.Users.TotalSeconds:0.0} s).");
    return sb.ToString();
}

static string FindRepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DanVan.sln"))) return dir.FullName;
        }
    }
    throw new DirectoryNotFoundException("Run from inside the repository (DanVan.sln not found).");
}

public sealed class BenchOptions
{
    public int Units { get; private set; } = 200;
    public string Password { get; private set; } = "Burst-Load-Test-2026!";
    public int Batches { get; private set; } = 4;
    public int ThinkMilliseconds { get; private set; }
    public int BaselineRequests { get; private set; } = 3000;
    public int BaselineConcurrency { get; private set; } = 16;
    public int StreamConcurrency { get; private set; } = 4;
    public int StreamMaxRequests { get; private set; } = 100_000;
    public int RequestTimeoutSeconds { get; private set; } = 120;
    public int TimeoutSeconds { get; private set; } = 600;
    public int AddressLimit { get; private set; } = 1000;
    public int? MaxActive { get; private set; }
    public Dictionary<string, string> PortalEnvironment { get; } = [];
    public string? WebDll { get; private set; }
    public string? Out { get; private set; }
    public bool Keep { get; private set; }

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--units": o.Units = Int(); break;
                case "--password": o.Password = Next(); break;
                case "--batches": o.Batches = Int(); break;
                case "--think-ms": o.ThinkMilliseconds = Int(); break;
                case "--baseline-requests": o.BaselineRequests = Int(); break;
                case "--baseline-concurrency": o.BaselineConcurrency = Int(); break;
                case "--stream-concurrency": o.StreamConcurrency = Int(); break;
                case "--stream-max": o.StreamMaxRequests = Int(); break;
                case "--request-timeout": o.RequestTimeoutSeconds = Int(); break;
                case "--timeout": o.TimeoutSeconds = Int(); break;
                case "--address-limit": o.AddressLimit = Int(); break;
                case "--max-active": o.MaxActive = Int(); break;
                case "--portal-env":
                    var pair = Next().Split('=', 2);
                    o.PortalEnvironment[pair[0]] = pair.Length > 1 ? pair[1] : "";
                    break;
                case "--web": o.WebDll = Path.GetFullPath(Next()); break;
                case "--out": o.Out = Path.GetFullPath(Next()); break;
                case "--keep": o.Keep = true; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        if (o.Units is < 1 or > 999) throw new ArgumentException("--units must be 1..999.");
        if (o.Batches is < 1 or > BenchSetup.EnteredPerUnit) throw new ArgumentException($"--batches must be 1..{BenchSetup.EnteredPerUnit}.");
        return o;
    }
}
