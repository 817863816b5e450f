using System.Globalization;
using System.Security.Cryptography;
using DanVan.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace DanVan.Web.Infrastructure.Security;

/// <summary>
/// TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) as authenticator apps compute it, with two rules Identity's
/// provider lacks: a code lives only in its own 30-second step, and it is accepted once only. The last accepted time step is kept with the user's tokens, so
/// a code seen over a shoulder or replayed from a log cannot be used again in its validity window.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider clock, ILogger<SingleUseAuthenticatorTokenProvider> logger) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "DanVanAuthenticator";
    private const string Store = "DanVan";
    private const string LastStep = "AuthenticatorLastStep";
    // Only the current 30-second step: ASVS 6.5.5 allows a TOTP at most 30 seconds. A code typed at the very end of its
    // step is refused and the user types the next one.
    private const int Window = 0;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        var secret = Base32.Decode(key);
        if (secret is null) return false;
        var step = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Store, LastStep), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
        for (var offset = -Window; offset <= Window; offset++)
        {
            var candidate = step + offset;
            if (!CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.ASCII.GetBytes(Compute(secret, candidate)), System.Text.Encoding.ASCII.GetBytes(token)))
                continue;
            if (candidate <= last)
            {
                logger.LogWarning("A two-factor code already used was tried again for {Email}", user.Email);
                return false;
            }
            await manager.SetAuthenticationTokenAsync(user, Store, LastStep, candidate.ToString(CultureInfo.InvariantCulture));
            return true;
        }
        return false;
    }

    public static string Compute(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }
}

/// <summary>RFC 4648 base32 without padding, as authenticator apps read keys.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[]? Decode(string text)
    {
        var clean = text.Trim().TrimEnd('=').Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
            buffer &= (1 << bits) - 1;
        }
        return [.. bytes];
    }
}
