using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DanVan.Data.Providers;

/// <summary>Used only by `dotnet ef` to build each provider's model; no database is contacted.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDanVanDbContext>
{
    public SqliteDanVanDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDanVanDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerDanVanDbContext>
{
    public SqlServerDanVanDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerDanVanDbContext>().UseSqlServer("Server=.;Database=DanVan;Integrated Security=true;TrustServerCertificate=true").Options);
}
