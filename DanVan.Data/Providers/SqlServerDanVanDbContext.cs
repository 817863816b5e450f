using Microsoft.EntityFrameworkCore;

namespace DanVan.Data.Providers;

public sealed class SqlServerDanVanDbContext(DbContextOptions<SqlServerDanVanDbContext> options) : DanVanDbContext(options);
