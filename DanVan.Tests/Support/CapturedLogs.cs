using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace DanVan.Tests.Support;

/// <summary>Every log event the portal writes, captured through Serilog's DI sink support.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);

    public IEnumerable<string> Messages(LogEventLevel level) => Events.Where(e => e.Level == level).Select(e => e.RenderMessage());
}

public sealed class LoggingFactory(int signInsPerAccountPerMinute = 1000) : DanVanFactory
{
    public CapturedLogs Logs { get; } = new();

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Serilog:MinimumLevel:Default"] = "Information";
            settings["Security:SignInPerAccountPerMinute"] = signInsPerAccountPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return settings;
        }
    }

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<ILogEventSink>(Logs);
}
