namespace DanVan.Web.Features.Account;

/// <summary>
/// At most one password-hash check per core at a time; the others wait asynchronously (no thread held). A burst of
/// sign-ins then takes as long as before in total, but people already signed in are not queued behind 200 PBKDF2
/// runs competing for the same cores and thread pool.
/// </summary>
public sealed class PasswordHashGate : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount, Environment.ProcessorCount);
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
