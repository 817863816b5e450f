using System.ComponentModel.DataAnnotations;

namespace DanVan.Web.Services.Admin.Users;

/// <summary>A one-time set-password token, to be shown once to the admin as a link and never stored or logged.</summary>
public sealed record SetPasswordTicket(string UserId, string Email, string FullName, string Token, DateTimeOffset ExpiresAt);

public static class UserStatusFilter
{
    public const string Active = "active";
    public const string Disabled = "disabled";
    public const string LockedOut = "locked";
    public const string MustChangePassword = "must-change";
    public const string TwoFactor = "2fa";

    public static readonly IReadOnlyList<(string Value, string Label)> All =
    [
        (Active, "Đang hoạt động"), (Disabled, "Đã vô hiệu hóa"), (LockedOut, "Đang bị tạm khóa"),
        (MustChangePassword, "Chưa đặt/đổi mật khẩu"), (TwoFactor, "Có xác thực hai bước"),
    ];
}

public sealed record UserFilter(string? Q, string? Role, string? Unit, string? Status);

public sealed record UserRow(
    string Id, string FullName, string Email, IReadOnlyList<string> Roles, IReadOnlyList<string> UnitCodes,
    bool IsDisabled, DateTimeOffset? LockedUntil, bool MustChangePassword, bool TwoFactorEnabled,
    DateTimeOffset? UpdatedAt, string? UpdatedBy);

public sealed record UnitOption(int Id, string Code, string Name, bool IsRetired);

public sealed record UserList(UserFilter Filter, IReadOnlyList<UserRow> Rows, int Total, IReadOnlyList<UnitOption> Units);

/// <summary>The fields an admin sets for a user; the e-mail is the sign-in name and is fixed after creation.</summary>
public sealed class UserForm
{
    public const int MaxNameLength = 256;

    [Required(ErrorMessage = "Vui lòng nhập họ tên.")]
    [StringLength(MaxNameLength, ErrorMessage = "Họ tên tối đa 256 ký tự.")]
    [Display(Name = "Họ và tên")]
    public string FullName { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập email.")]
    [EmailAddress(ErrorMessage = "Email không hợp lệ.")]
    [StringLength(256, ErrorMessage = "Email tối đa 256 ký tự.")]
    [Display(Name = "Email (tên đăng nhập)")]
    public string Email { get; set; } = "";

    [Display(Name = "Vai trò")]
    public List<string> Roles { get; set; } = [];

    [Display(Name = "Đơn vị")]
    public List<int> UnitIds { get; set; } = [];

    /// <summary>The version the admin saw; a save against another version is a conflict.</summary>
    public string? ConcurrencyStamp { get; set; }
}

public sealed record UserDetail(
    string Id, string FullName, string Email, IReadOnlyList<string> Roles, IReadOnlyList<int> UnitIds,
    string ConcurrencyStamp, bool IsDisabled, DateTimeOffset? LockedUntil, int AccessFailedCount, bool HasPassword,
    bool MustChangePassword, bool TwoFactorEnabled, DateTimeOffset? UpdatedAt, string? UpdatedBy, bool IsSelf)
{
    public UserForm ToForm() => new()
    {
        FullName = FullName, Email = Email, Roles = [.. Roles], UnitIds = [.. UnitIds], ConcurrencyStamp = ConcurrencyStamp,
    };
}

/// <summary>Audit actions of the users area; the target's e-mail opens every old/new value.</summary>
public static class UserAuditActions
{
    public const string Created = "user.created";
    public const string Updated = "user.updated";
    public const string Disabled = "user.disabled";
    public const string Enabled = "user.enabled";
    public const string SignedOut = "user.signed-out";
    public const string Unlocked = "user.unlocked";
    public const string PasswordReset = "user.password-reset";
    public const string PasswordSet = "user.password-set";
    public const string TwoFactorReset = "user.2fa-reset";
}
