using System.Security.Cryptography;
using System.Text;
using DanVan.Data;
using DanVan.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using DanVan.Web.Features.Account;
using Microsoft.Extensions.Options;

namespace DanVan.Web.Infrastructure.Security;

/// <summary>
/// Recovery codes of 120 random bits (24 base32 letters in four groups) instead of Identity's shorter ones, so that a
/// plain SHA-256 may store them (ASVS 6.5.2: lookup secrets of 112 bits or more). Every password check passes the
/// <see cref="PasswordHashGate"/>; wrong passwords and codes are counted by SignInGuard, not per account here.
/// </summary>
public sealed class DanVanUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger,
    PasswordHashGate gate)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static readonly AppUser Nobody = new() { Id = "nobody", UserName = "nobody" };

    protected override async Task<PasswordVerificationResult> VerifyPasswordAsync(IUserPasswordStore<AppUser> store, AppUser user, string password)
    {
        var hash = await store.GetPasswordHashAsync(user, CancellationToken);
        if (hash is null) return PasswordVerificationResult.Failed;
        return await gate.RunAsync(() => PasswordHasher.VerifyHashedPassword(user, hash, password), CancellationToken);
    }

    /// <summary>The same work as a real check, for an account that does not exist or may not sign in: same time, same answer.</summary>
    public Task VerifyAgainstDummyAsync(string password)
    {
        var dummy = gate.DummyHash(() => PasswordHasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));
        return gate.RunAsync(() => PasswordHasher.VerifyHashedPassword(Nobody, dummy, password), CancellationToken);
    }

    // Identity's counter locks an account for everyone, which lets anyone lock anyone (decision 0030).
    public override Task<IdentityResult> AccessFailedAsync(AppUser user) => Task.FromResult(IdentityResult.Success);

    protected override string CreateTwoFactorRecoveryCode()
    {
        var letters = RandomNumberGenerator.GetString(Alphabet, 24);
        return string.Join('-', letters.Chunk(6).Select(c => new string(c)));
    }
}

/// <summary>Keeps only SHA-256 hashes of recovery codes; a code is compared as typed, without dashes, spaces or case.</summary>
public sealed class DanVanUserStore(DanVanDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, DanVanDbContext>(context, describer)
{
    public override Task ReplaceCodesAsync(AppUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(Hash), cancellationToken);

    public override Task<bool> RedeemCodeAsync(AppUser user, string code, CancellationToken cancellationToken = default) =>
        base.RedeemCodeAsync(user, Hash(code), cancellationToken);

    public static string Hash(string code)
    {
        var normalized = new string([.. code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}
