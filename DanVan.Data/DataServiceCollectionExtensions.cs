using DanVan.Data.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DanVanDbContext"/> for the configured provider. The embedded default is a SQLite file in
    /// App_Data under the content root (git-ignored).
    /// </summary>
    public static IServiceCollection AddDanVanData(this IServiceCollection services, string contentRoot)
    {
        // Configuration is read when the first context is created, after every configuration source (including a
        // test host's) has been added.
        services.AddSingleton(sp =>
            sp.GetRequiredService<IConfiguration>().GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions());

        services.AddDbContext<SqlServerDanVanDbContext>((sp, o) => o.UseSqlServer(
            ConnectionString(sp) ?? throw new InvalidOperationException("ConnectionStrings:DanVan is required when Database:Provider is SqlServer."),
            sql => sql.EnableRetryOnFailure()).AddInterceptors([new Templates.DraftBindingGuard(), .. sp.GetServices<IInterceptor>()]));
        services.AddDbContext<SqliteDanVanDbContext>((sp, o) => o
            .UseSqlite(SqliteConnectionString(ConnectionString(sp), contentRoot))
            .AddInterceptors([new SqlitePragmaInterceptor(), new Templates.DraftBindingGuard(), .. sp.GetServices<IInterceptor>()]));
        services.AddScoped<DanVanDbContext>(sp => sp.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.SqlServer
            ? sp.GetRequiredService<SqlServerDanVanDbContext>()
            : sp.GetRequiredService<SqliteDanVanDbContext>());
        return services;
    }

    private static string? ConnectionString(IServiceProvider sp) =>
        sp.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseOptions.ConnectionStringName);

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
