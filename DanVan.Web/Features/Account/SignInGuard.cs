using System.Collections.Concurrent;

namespace DanVan.Web.Features.Account;

/// <summary>
/// Wrong passwords and codes counted per (account, client address) instead of per account (decision 0030): five
/// failures block that pair with a delay that doubles with each further failure (1 minute up to an hour); failures
/// from addresses the account has never signed in from also count together, and twenty of them block only such
/// unknown addresses (15 minutes, doubling up to a day). The account stays usable from where it normally signs in.
/// In memory: a restart forgets the counters and the known addresses, which only makes the next sign-in a new address.
/// </summary>
public sealed class SignInGuard(TimeProvider clock)
{
    public const int PairThreshold = 5;
    public const int UnknownAddressThreshold = 20;
    private static readonly TimeSpan PairFirstDelay = TimeSpan.FromMinutes(1), PairMaxDelay = TimeSpan.FromHours(1);
    private static readonly TimeSpan AccountFirstDelay = TimeSpan.FromMinutes(15), AccountMaxDelay = TimeSpan.FromDays(1);
    private static readonly TimeSpan Forget = TimeSpan.FromDays(1), KnownFor = TimeSpan.FromDays(90);
    private const int MaxEntries = 100_000, MaxKnownPerAccount = 32;

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, DateTimeOffset>> _known = new(StringComparer.Ordinal);

    /// <summary>How long this client must wait before trying this account again; null when it may try now.</summary>
    public TimeSpan? Blocked(string account, string? address)
    {
        var now = clock.GetUtcNow();
        var until = Until(PairKey(account, address), now);
        if (!IsKnown(account, address, now))
        {
            if (Until(UnknownKey(account), now) is { } accountUntil && (until is null || accountUntil > until)) until = accountUntil;
        }
        return until is { } end && end > now ? end - now : null;
    }

    /// <summary>Counts a failure; says what it blocked, if anything (for the log and the admin's alert).</summary>
    public SignInBlock RecordFailure(string account, string? address)
    {
        var now = clock.GetUtcNow();
        Prune(now);
        var block = SignInBlock.None;
        if (Add(PairKey(account, address), now, PairThreshold, PairFirstDelay, PairMaxDelay)) block = SignInBlock.Pair;
        if (!IsKnown(account, address, now)
            && Add(UnknownKey(account), now, UnknownAddressThreshold, AccountFirstDelay, AccountMaxDelay)) block = SignInBlock.UnknownAddresses;
        return block;
    }

    /// <summary>A full sign-in: this pair starts again from zero and the address becomes one the account signs in from.</summary>
    public void RecordSuccess(string account, string? address)
    {
        var now = clock.GetUtcNow();
        _counters.TryRemove(PairKey(account, address), out _);
        var known = _known.GetOrAdd(account, _ => new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal));
        known[address ?? ""] = now;
        if (known.Count > MaxKnownPerAccount)
        {
            foreach (var oldest in known.OrderBy(k => k.Value).Take(known.Count - MaxKnownPerAccount)) known.TryRemove(oldest.Key, out _);
        }
    }

    /// <summary>An admin's unlock: every block of the account ends (its known addresses stay).</summary>
    public void Reset(string account)
    {
        foreach (var key in _counters.Keys.Where(k => k.StartsWith(account + "\n", StringComparison.Ordinal))) _counters.TryRemove(key, out _);
    }

    /// <summary>Accounts with a block in force (for any address), with its latest end: the admin's list shows them.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> BlockedAccounts()
    {
        var now = clock.GetUtcNow();
        var blocked = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (key, counter) in _counters)
        {
            if (counter.BlockedUntil is not { } until || until <= now) continue;
            var account = key[..key.IndexOf('\n', StringComparison.Ordinal)];
            if (!blocked.TryGetValue(account, out var known) || known < until) blocked[account] = until;
        }
        return blocked;
    }

    private bool IsKnown(string account, string? address, DateTimeOffset now) =>
        _known.TryGetValue(account, out var known) && known.TryGetValue(address ?? "", out var at) && now - at < KnownFor;

    private DateTimeOffset? Until(string key, DateTimeOffset now) =>
        _counters.TryGetValue(key, out var counter) && now - counter.Last < Forget ? counter.BlockedUntil : null;

    /// <summary>True when this failure started (or extended) a block.</summary>
    private bool Add(string key, DateTimeOffset now, int threshold, TimeSpan first, TimeSpan max)
    {
        var counter = _counters.AddOrUpdate(key,
            _ => Counter.First(now),
            (_, old) => now - old.Last >= Forget ? Counter.First(now) : old.Next(now));
        if (counter.Failures < threshold) return false;
        var doublings = Math.Min(counter.Failures - threshold, 20);
        var delay = TimeSpan.FromTicks(Math.Min(max.Ticks, first.Ticks << doublings));
        _counters[key] = counter with { BlockedUntil = now + delay };
        return true;
    }

    private void Prune(DateTimeOffset now)
    {
        if (_counters.Count < MaxEntries) return;
        foreach (var (key, counter) in _counters)
        {
            if (now - counter.Last >= Forget || counter.BlockedUntil is null) _counters.TryRemove(key, out _);
        }
    }

    private static string PairKey(string account, string? address) => account + "\n" + (address ?? "");

    private static string UnknownKey(string account) => account + "\n*";

    private sealed record Counter(int Failures, DateTimeOffset Last, DateTimeOffset? BlockedUntil)
    {
        public static Counter First(DateTimeOffset now) => new(1, now, null);

        public Counter Next(DateTimeOffset now) => this with { Failures = Failures + 1, Last = now };
    }
}

public enum SignInBlock
{
    None,
    Pair,
    UnknownAddresses,
}
