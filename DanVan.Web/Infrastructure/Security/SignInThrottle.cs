using System.Threading.RateLimiting;

namespace DanVan.Web.Infrastructure.Security;

/// <summary>
/// Rate limit for sign-in (form and API), answered with 429. Two windows must both allow an attempt: one per account
/// name (tight: guessing one password), one per client address (loose: a whole office may share one address).
/// Separate from lockout, which counts wrong passwords per account in the database.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAccount;
    private readonly PartitionedRateLimiter<string> _perAddress;

    public SignInThrottle(IConfiguration configuration)
    {
        var accountLimit = configuration.GetValue("Security:SignInPerAccountPerMinute", 10);
        var addressLimit = configuration.GetValue("Security:SignInPerAddressPerMinute", 300);
        _perAccount = Create(accountLimit);
        _perAddress = Create(addressLimit);
    }

    /// <summary>True when this attempt may go ahead.</summary>
    public bool TryAcquire(string? account, string? address)
    {
        using var byAddress = _perAddress.AttemptAcquire(address ?? "unknown");
        if (!byAddress.IsAcquired) return false;
        using var byAccount = _perAccount.AttemptAcquire((account ?? "").Trim().ToLowerInvariant());
        return byAccount.IsAcquired;
    }

    public void Dispose()
    {
        _perAccount.Dispose();
        _perAddress.Dispose();
    }

    private static PartitionedRateLimiter<string> Create(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
