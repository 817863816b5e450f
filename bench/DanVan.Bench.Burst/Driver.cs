using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DanVan.Bench.Burst;

/// <summary>One HTTP request as the client saw it: status 0 means no response (timeout, connection error).</summary>
public sealed record Sample(string Kind, int Status, double Ms, double StartSeconds, string? Error);

/// <summary>What each virtual user achieved, for the verification (acknowledged = the server answered 2xx).</summary>
public sealed class UnitOutcome(BenchUnit unit)
{
    public BenchUnit Unit { get; } = unit;
    public bool LoggedIn { get; set; }
    public HashSet<string> AcknowledgedCodes { get; } = new(StringComparer.Ordinal);
    public HashSet<string> SentCodes { get; } = new(StringComparer.Ordinal);
    public bool SubmitAcknowledged { get; set; }
    public bool SubmitSent { get; set; }
    public int ReadbackMismatches { get; set; }
    public string? SubmitStatusSeen { get; set; }
}

public sealed class PhaseResult(string name, TimeSpan wall, IReadOnlyList<Sample> samples)
{
    public string Name { get; } = name;
    public TimeSpan Wall { get; } = wall;
    public IReadOnlyList<Sample> Samples { get; } = samples;
    public TimeSpan ServerCpu { get; set; }
    public TimeSpan DriverCpu { get; set; }
    public double MachineBusySeconds { get; set; }
    public double MachineTotalSeconds { get; set; }
    public int PeakThreads { get; set; }
    public int PeakDbHandles { get; set; }
}

public sealed class Driver : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly BenchOptions _options;
    private readonly Stopwatch _clock = new();

    public Driver(Uri baseAddress, BenchOptions options)
    {
        _options = options;
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            UseCookies = false,
            AllowAutoRedirect = false,
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds),
        };
    }

    public async Task<string> LoginAsync(string email, string password, CancellationToken ct)
    {
        var (sample, body) = await SendAsync("login", HttpMethod.Post, "/api/v1/auth/login", null, new { email, password }, ct);
        if (sample.Status != 200 || body is null)
            throw new InvalidOperationException($"Sign-in of {email} failed: {sample.Status} {sample.Error}");
        return AccessToken(body);
    }

    /// <summary>
    /// Not measured: takes JIT (tiered compilation), connection pools and caches of both processes past their first
    /// requests, as on a portal that has been up for a while. Writes go to a demo unit's sheet, never a bench unit's.
    /// </summary>
    public async Task WarmUpAsync(string token, string unitToken, string period, string unit, string code, CancellationToken ct)
    {
        for (var i = 0; i < 300; i++)
        {
            await SendAsync("warm", HttpMethod.Get, "/api/v1/periods", token, null, ct);
        }
        var path = $"/api/v1/periods/{period}/units/{unit}";
        for (var i = 0; i < 100; i++)
        {
            var (put, _) = await SendAsync("warm", HttpMethod.Put, path + "/values", unitToken,
                new { values = new Dictionary<string, decimal> { [code] = i } }, ct);
            if (put.Status != 200) throw new InvalidOperationException($"Warm-up save failed: {put.Status} {put.Error}");
            await SendAsync("warm", HttpMethod.Get, path, unitToken, null, ct);
        }
    }

    /// <summary>Phase 1: the trivial signed-in endpoint alone, fixed number of requests, fixed concurrency.</summary>
    public async Task<PhaseResult> BaselineAsync(string token, CancellationToken ct)
    {
        var samples = new ConcurrentQueue<Sample>();
        var remaining = _options.BaselineRequests;
        _clock.Restart();
        var workers = Enumerable.Range(0, _options.BaselineConcurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var (sample, _) = await SendAsync("trivial", HttpMethod.Get, "/api/v1/periods", token, null, ct);
                samples.Enqueue(sample);
            }
        }, ct)).ToList();
        await Task.WhenAll(workers);
        return new PhaseResult("baseline", _clock.Elapsed, samples.ToList());
    }

    /// <summary>
    /// Phase 2: every unit's user at once (sign in, PUT its values in batches, GET the sheet, submit), plus a stream
    /// of the trivial endpoint from a few clients that runs until the last virtual user has finished.
    /// </summary>
    public async Task<(PhaseResult Burst, PhaseResult Stream, IReadOnlyList<UnitOutcome> Outcomes)> BurstAsync(
        IReadOnlyList<BenchUnit> units, string period, string streamToken, CancellationToken ct)
    {
        var burstSamples = new ConcurrentQueue<Sample>();
        var streamSamples = new ConcurrentQueue<Sample>();
        var outcomes = units.Select(u => new UnitOutcome(u)).ToList();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var burstDone = CancellationTokenSource.CreateLinkedTokenSource(ct);

        using var active = new SemaphoreSlim(_options.MaxActive ?? units.Count);
        var vus = outcomes.Select(o => Task.Run(async () =>
        {
            await go.Task;
            await active.WaitAsync(ct);
            try
            {
                await RunUserAsync(o, period, burstSamples, ct);
            }
            finally
            {
                active.Release();
            }
        }, ct)).ToList();
        var streamLimit = _options.StreamMaxRequests;
        var stream = Enumerable.Range(0, _options.StreamConcurrency).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            while (!burstDone.IsCancellationRequested && Interlocked.Decrement(ref streamLimit) >= 0)
            {
                var (sample, _) = await SendAsync("trivial", HttpMethod.Get, "/api/v1/periods", streamToken, null, ct);
                streamSamples.Enqueue(sample);
            }
        }, ct)).ToList();

        _clock.Restart();
        go.SetResult();
        await Task.WhenAll(vus);
        var burstWall = _clock.Elapsed;
        await burstDone.CancelAsync();
        await Task.WhenAll(stream);
        var streamWall = _clock.Elapsed;
        return (new PhaseResult("burst", burstWall, burstSamples.ToList()), new PhaseResult("stream", streamWall, streamSamples.ToList()), outcomes);
    }

    private async Task RunUserAsync(UnitOutcome outcome, string period, ConcurrentQueue<Sample> samples, CancellationToken ct)
    {
        var unit = outcome.Unit;
        var (login, loginBody) = await SendAsync("login", HttpMethod.Post, "/api/v1/auth/login", null,
            new { email = unit.Email, password = _options.Password }, ct);
        samples.Enqueue(login);
        if (login.Status != 200 || loginBody is null) return;
        outcome.LoggedIn = true;
        var token = AccessToken(loginBody);
        var path = $"/api/v1/periods/{period}/units/{unit.Code}";

        var codes = unit.Codes;
        var batchSize = (int)Math.Ceiling(codes.Count / (double)_options.Batches);
        foreach (var batch in codes.Chunk(batchSize))
        {
            await ThinkAsync(ct);
            var values = batch.ToDictionary(c => c, c => unit.Values[c]);
            foreach (var c in batch) outcome.SentCodes.Add(c);
            var (put, _) = await SendAsync("put", HttpMethod.Put, path + "/values", token, new { values }, ct);
            samples.Enqueue(put);
            if (put.Status is >= 200 and < 300)
            {
                foreach (var c in batch) outcome.AcknowledgedCodes.Add(c);
            }
        }

        await ThinkAsync(ct);
        var (get, getBody) = await SendAsync("get", HttpMethod.Get, path, token, null, ct);
        samples.Enqueue(get);
        if (get.Status == 200 && getBody is not null)
        {
            using var doc = JsonDocument.Parse(getBody);
            var stored = doc.RootElement.GetProperty("values");
            foreach (var code in outcome.AcknowledgedCodes)
            {
                if (!stored.TryGetProperty(code, out var v) || v.ValueKind != JsonValueKind.Number || v.GetDecimal() != unit.Values[code])
                    outcome.ReadbackMismatches++;
            }
        }

        await ThinkAsync(ct);
        outcome.SubmitSent = true;
        var (submit, submitBody) = await SendAsync("submit", HttpMethod.Post, path + "/submit", token,
            new { explanations = new Dictionary<string, string>() }, ct);
        samples.Enqueue(submit);
        if (submit.Status == 200 && submitBody is not null)
        {
            using var doc = JsonDocument.Parse(submitBody);
            outcome.SubmitStatusSeen = doc.RootElement.GetProperty("status").GetString();
            outcome.SubmitAcknowledged = outcome.SubmitStatusSeen == "submitted";
        }
    }

    private Task ThinkAsync(CancellationToken ct) =>
        _options.ThinkMilliseconds > 0 ? Task.Delay(Random.Shared.Next(0, _options.ThinkMilliseconds + 1), ct) : Task.CompletedTask;

    private async Task<(Sample Sample, byte[]? Body)> SendAsync(string kind, HttpMethod method, string path, string? token, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json");
        var startedAt = _clock.Elapsed.TotalSeconds;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = (int)response.StatusCode;
            string? error = status >= 400 ? Shorten(Encoding.UTF8.GetString(bytes)) : null;
            return (new Sample(kind, status, ms, startedAt, error), bytes);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return (new Sample(kind, 0, ms, startedAt, ex.GetType().Name + ": " + ex.Message), null);
        }
    }

    private static string AccessToken(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("accessToken").GetString() ?? throw new InvalidOperationException("No accessToken.");
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    public void Dispose() => _http.Dispose();
}

public static class Stats
{
    public sealed record Summary(int Count, double PerSecond, double Median, double P95, double P99, double Max, int Status5xx, int NoResponse,
        IReadOnlyDictionary<int, int> NonSuccess);

    public static Summary Of(IReadOnlyCollection<Sample> samples, TimeSpan wall)
    {
        var ms = samples.Select(s => s.Ms).OrderBy(x => x).ToArray();
        return new Summary(
            samples.Count,
            wall.TotalSeconds > 0 ? samples.Count / wall.TotalSeconds : 0,
            Percentile(ms, 50), Percentile(ms, 95), Percentile(ms, 99), ms.Length == 0 ? 0 : ms[^1],
            samples.Count(s => s.Status >= 500),
            samples.Count(s => s.Status == 0),
            samples.Where(s => s.Status is < 200 or >= 300).GroupBy(s => s.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    public static string Rate(double value) => value.ToString(value < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
