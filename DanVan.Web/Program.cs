using DanVan.Data;
using DanVan.Data.Seeding;
using DanVan.Web.Infrastructure;
using Serilog;

Log.Logger = new LoggerConfiguration()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
    .CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);

    // `dotnet run --project DanVan.Web -- backup FILE` (online, while the portal runs) and `-- restore FILE` (portal stopped).
    if (args is ["backup" or "restore", var file, ..])
    {
        var connection = DataServiceCollectionExtensions.SqliteConnectionString(
            builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName), builder.Environment.ContentRootPath);
        if (args[0] == "backup") SqliteBackup.Backup(connection, file);
        else SqliteBackup.Restore(file, connection);
        Log.Information("{Command} done: {File}", args[0], Path.GetFullPath(file));
        return;
    }

    builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        .Enrich.With<DanVan.Web.Infrastructure.Logging.ControlCharacterScrubber>());

    builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
    builder.Services.AddDanVan(builder.Configuration, builder.Environment);

    var app = builder.Build();

    await DatabaseInitializer.InitializeAsync(app.Services);

    app.UseDanVan();

    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException && ex.Source != "Microsoft.EntityFrameworkCore.Design")
{
    Log.Fatal(ex, "DanVan stopped unexpectedly");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
