using DanVan.Data.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DanVanDbContext"/> for the configured provider. The embedded default is a SQLite file in
    /// App_Data under the content root (git-ignored).
    /// </summary>
    public static IServiceCollection AddDanVanData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        if (options.Provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("ConnectionStrings:DanVan is required when Database:Provider is SqlServer.");
            services.AddDbContext<SqlServerDanVanDbContext>(o => o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()));
            services.AddScoped<DanVanDbContext>(sp => sp.GetRequiredService<SqlServerDanVanDbContext>());
        }
        else
        {
            var sqlite = SqliteConnectionString(connectionString, contentRoot);
            services.AddDbContext<SqliteDanVanDbContext>(o => o.UseSqlite(sqlite).AddInterceptors(new SqlitePragmaInterceptor()));
            services.AddScoped<DanVanDbContext>(sp => sp.GetRequiredService<SqliteDanVanDbContext>());
        }
        return services;
    }

    /// <summary>Resolves a relative Data Source against the content root and creates its folder.</summary>
    public static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/danvan.db" : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        if (builder.DataSource != ":memory:")
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        builder.DefaultTimeout = 30;
        builder.Pooling = true;
        return builder.ToString();
    }
}
