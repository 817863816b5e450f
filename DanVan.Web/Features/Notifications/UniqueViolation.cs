using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Features.Notifications;

public static class UniqueViolation
{
    /// <summary>SQLite's "UNIQUE constraint failed" or SQL Server's "duplicate key" (2601, 2627).</summary>
    public static bool Is(DbUpdateException ex) =>
        ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
        || ex.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;
}
