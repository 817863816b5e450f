using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan.Data.Seeding;

public static class DatabaseInitializer
{
    /// <summary>Migrates (when configured), switches SQLite to WAL, and seeds.</summary>
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<DanVanDbContext>();
        var options = sp.GetRequiredService<DatabaseOptions>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        var migrate = options.MigrateOnStartup ?? options.Provider == DatabaseProvider.Sqlite;
        if (migrate)
        {
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers continue while one writer commits; it persists in the file.
                await db.Database.OpenConnectionAsync(ct);
                try
                {
                    await using var command = db.Database.GetDbConnection().CreateCommand();
                    command.CommandText = "PRAGMA journal_mode = WAL;";
                    await command.ExecuteNonQueryAsync(ct);
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
                logger.LogInformation("SQLite database {DataSource}", new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
            }
            await db.Database.MigrateAsync(ct);
        }

        await sp.GetRequiredService<DatabaseSeeder>().SeedAsync(ct);
    }
}
