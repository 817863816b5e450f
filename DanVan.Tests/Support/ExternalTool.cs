using System.Diagnostics;

namespace DanVan.Tests.Support;

/// <summary>A command-line tool the rendering tests check the exports with (qpdf, soffice), found on PATH.</summary>
public static class ExternalTool
{
    /// <summary>CI installs the tools (.ci/run): there a missing tool is a failure, never a skip.</summary>
    public static bool MustRun => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs the tool and returns its exit code and combined output; the tool must end within the timeout.</summary>
    public static (int ExitCode, string Output) Run(string name, TimeSpan timeout, params string[] arguments) =>
        Run(name, timeout, new Dictionary<string, string>(), arguments);

    /// <summary>As <see cref="Run(string, TimeSpan, string[])"/>, with extra environment variables for the tool.</summary>
    public static (int ExitCode, string Output) Run(string name, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var path = Find(name) ?? throw new InvalidOperationException($"{name} is not installed.");
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{name} did not finish within {timeout.TotalSeconds:0} s.");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

/// <summary>A test that needs a command-line tool: skipped with the reason where it is missing (outside CI).</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool, string package)
    {
        if (ExternalTool.Find(tool) is null && !ExternalTool.MustRun)
            Skip = $"{tool} not found on PATH (apt-get install {package})";
    }
}

/// <summary>
/// A test that needs a tool CI does not install (npx, for the OpenAPI lint): skipped with the reason wherever it is
/// missing, in CI too.
/// </summary>
public sealed class OptionalToolFactAttribute : FactAttribute
{
    public OptionalToolFactAttribute(string tool, string package)
    {
        if (ExternalTool.Find(tool) is null) Skip = $"{tool} not found on PATH (apt-get install {package})";
    }
}
