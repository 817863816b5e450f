using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace DanVan.Bench.Burst;

/// <summary>
/// The real portal (DanVan.Web.dll from its build output) as a child process on 127.0.0.1 and a free port, with its
/// console output captured to a file. Stopped with SIGKILL on purpose: whatever a client was told was saved must
/// still be in the database after the process dies.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Task _pumps;

    private PortalProcess(Process process, StreamWriter log, Task pumps, Uri baseAddress, string logPath)
    {
        _process = process;
        _log = log;
        _pumps = pumps;
        BaseAddress = baseAddress;
        LogPath = logPath;
    }

    public Uri BaseAddress { get; }
    public string LogPath { get; }
    public int Id => _process.Id;

    public static async Task<PortalProcess> StartAsync(string webDll, string connectionString, string workDir, IReadOnlyDictionary<string, string> extraEnvironment, TimeSpan timeout)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(webDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__DanVan"] = connectionString;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Seed__Demo"] = "true";
        // Production encrypts the key ring; the bench makes its own throwaway certificate.
        start.Environment["DataProtection__CertificatePath"] = Path.Combine(workDir, "keys.pfx");
        start.Environment["DataProtection__CertificatePassword"] = "bench-only";
        start.Environment["DataProtection__CreateCertificateIfMissing"] = "true";
        // The file sink writes next to the database, not into the build output.
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(workDir, "logs", "danvan-.log");
        foreach (var (key, value) in extraEnvironment) start.Environment[key] = value;

        var logPath = Path.Combine(workDir, "portal-console.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the portal.");
        var pumps = Task.WhenAll(PumpAsync(process.StandardOutput, log), PumpAsync(process.StandardError, log));
        var portal = new PortalProcess(process, log, pumps, baseAddress, logPath);

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The portal exited with code {process.ExitCode}; see {logPath}.");
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return portal;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (deadline.Elapsed > timeout)
            {
                await portal.DisposeAsync();
                throw new TimeoutException($"The portal was not ready after {timeout.TotalSeconds:0} s; see {logPath}.");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>CPU time (user + system) the portal has used so far, from /proc (Linux only; zero elsewhere).</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields after the command name start at field 3 (state): utime is field 14, stime field 15.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond());
        }
        catch (Exception)
        {
            return TimeSpan.Zero; // not Linux, or the process is gone
        }
    }

    /// <summary>Peak resident memory of the portal in MB (VmHWM), or null when unknown.</summary>
    public double? PeakMemoryMb()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is null) return null;
            var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return kb / 1024.0;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        await _pumps;
        await _log.DisposeAsync();
        _process.Dispose();
    }

    private static async Task PumpAsync(StreamReader reader, StreamWriter log)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (log) log.WriteLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static long ClockTicksPerSecond()
    {
        try
        {
            var value = sysconf(2); // _SC_CLK_TCK
            return value > 0 ? value : 100;
        }
        catch (Exception)
        {
            return 100;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern long sysconf(int name);
}
