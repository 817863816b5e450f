using System.Globalization;

namespace DanVan.Bench.Burst;

/// <summary>
/// Linux /proc readings: machine-wide CPU (to see how much other processes took from the run), the portal's thread
/// count and its open handles on the database file (one per pooled SQLite connection), sampled twice a second.
/// </summary>
public sealed class Sampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly string _dbFile;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public Sampler(int pid, string dbFile)
    {
        _pid = pid;
        _dbFile = dbFile;
        _loop = Task.Run(LoopAsync);
    }

    public int PeakThreads { get; private set; }
    public int PeakDbHandles { get; private set; }

    public void ResetPeaks()
    {
        PeakThreads = 0;
        PeakDbHandles = 0;
    }

    /// <summary>Busy and total CPU time of the whole machine since boot, in seconds (all cores).</summary>
    public static (double Busy, double Total) MachineCpu()
    {
        try
        {
            var parts = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            var idle = parts[3] + (parts.Length > 4 ? parts[4] : 0);
            var total = parts.Take(8).Sum();
            return ((total - idle) / 100.0, total / 100.0);
        }
        catch (Exception)
        {
            return (0, 0);
        }
    }

    public static TimeSpan OwnCpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var threads = File.ReadLines($"/proc/{_pid}/status").FirstOrDefault(l => l.StartsWith("Threads:", StringComparison.Ordinal));
                if (threads is not null) PeakThreads = Math.Max(PeakThreads, int.Parse(threads[8..].Trim(), CultureInfo.InvariantCulture));
                var handles = 0;
                foreach (var fd in Directory.EnumerateFiles($"/proc/{_pid}/fd"))
                {
                    try
                    {
                        if (File.ResolveLinkTarget(fd, false)?.FullName == _dbFile) handles++;
                    }
                    catch (IOException)
                    {
                    }
                }
                PeakDbHandles = Math.Max(PeakDbHandles, handles);
            }
            catch (Exception)
            {
                // not Linux or the process is gone
            }
            try
            {
                await Task.Delay(500, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
