using DanVan.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace DanVan.Web.Infrastructure.Security;

/// <summary>
/// Length without composition rules (12–128 characters), and no password from the shipped list of common ones,
/// nor one that is the list entry with digits or symbols appended, nor the user's own email.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null) return Task.FromResult(IdentityResult.Success);
        if (password.Length > MaxLength)
            return Task.FromResult(Fail("PasswordTooLong", $"Mật khẩu tối đa {MaxLength} ký tự."));
        var lower = password.Trim().ToLowerInvariant();
        var stem = lower.TrimEnd("0123456789!@#$%^&*._-+=?~ ".ToCharArray());
        if (Common.Value.Contains(lower) || (stem.Length > 0 && Common.Value.Contains(stem)))
            return Task.FromResult(Fail("PasswordCommon", "Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác (ví dụ một câu dài dễ nhớ)."));
        if (user.Email is { } email && (lower == email.ToLowerInvariant() || lower == email.Split('@')[0].ToLowerInvariant()))
            return Task.FromResult(Fail("PasswordIsEmail", "Mật khẩu không được trùng với email."));
        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());

    private static IdentityResult Fail(string code, string description) => IdentityResult.Failed(new IdentityError { Code = code, Description = description });

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("DanVan.Web.Infrastructure.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            set.Add(line.Trim().ToLowerInvariant());
        }
        return set;
    }
}
