using System.Threading.RateLimiting;

namespace DanVan.Web.Infrastructure.Security;

/// <summary>
/// Rate limit for sign-in (form and API), answered with 429. Two windows must both allow an attempt: one per account
/// name and client address (tight: guessing one password; per pair, so that nobody can hold another's account at
/// 429 from elsewhere), one per client address (loose: a whole office may share one address). Separate from the
/// lockout of SignInGuard, which counts wrong passwords. The account arrives normalised (Identity's normaliser).
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
        using var byAccount = _perAccount.AttemptAcquire((account ?? "") + "\n" + address);
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
