namespace DanVan.Web.Features.Account;

/// <summary>
/// At most <c>Security:PasswordHashConcurrency</c> password-hash checks at a time (default: one per core but one,
/// at least one); the others wait asynchronously (no thread held). People already signed in are then not queued
/// behind 200 PBKDF2 runs competing for every core: one core stays for their pages (numbers in docs/benchmarks.md).
/// </summary>
public sealed class PasswordHashGate(IConfiguration configuration) : IDisposable
{
    public static int DefaultConcurrency => Math.Max(1, Environment.ProcessorCount - 1);

    private readonly SemaphoreSlim _slots = new(Slots(configuration), Slots(configuration));

    private static int Slots(IConfiguration configuration) => Math.Max(1, configuration.GetValue("Security:PasswordHashConcurrency", DefaultConcurrency));
    private string? _dummyHash;

    /// <summary>A hash of a random password, made once per process with the hasher's settings.</summary>
    public string DummyHash(Func<string> create) => LazyInitializer.EnsureInitialized(ref _dummyHash, create);

    public async Task<T> RunAsync<T>(Func<T> check, CancellationToken ct = default)
    {
        await _slots.WaitAsync(ct);
        try
        {
            return check();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
