using DanVan.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DanVan.Tests.Data;

public sealed class ProviderModelTests
{
    [Fact]
    public void Sql_Server_model_builds_its_create_script_without_a_server()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.Database.GenerateCreateScript();

        Assert.Contains("CREATE TABLE [Values]", script);
        Assert.Contains("CREATE TABLE [AspNetUsers]", script);
        Assert.Contains("[Number] decimal(18,4) NULL", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Values_PeriodId_UnitId_IndicatorId]", script);
    }

    [Fact]
    public void Sql_Server_idempotent_migration_script_builds()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS", script);
        Assert.Contains("__EFMigrationsHistory", script);
    }

    [Fact]
    public void Sql_Server_migrations_match_the_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQL Server migration: the model changed (see docs/deployment.md).");
    }

    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration: the model changed (see docs/deployment.md).");
    }

    [Fact]
    public async Task A_fresh_SQLite_database_migrates_to_the_latest_migration()
    {
        var path = Path.Combine(Path.GetTempPath(), "danvan-tests", Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new DbContextOptionsBuilder<SqliteDanVanDbContext>().UseSqlite($"Data Source={path}").Options;
        await using (var db = new SqliteDanVanDbContext(options))
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations().Last(), (await db.Database.GetAppliedMigrationsAsync()).Last());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(path);
    }
}
