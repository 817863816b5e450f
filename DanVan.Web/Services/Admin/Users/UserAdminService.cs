using DanVan.Web.Infrastructure.ServiceResults;
using System.Globalization;
using System.Text;
using DanVan.Data;
using DanVan.Data.Identity;
using DanVan.Domain.Auditing;
using DanVan.Domain.Organization;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DanVan.Web.Services.Admin.Users;

/// <summary>
/// The admin's users area. Each write loads the user, checks the version the admin saw (ConcurrencyStamp), changes
/// the row, its roles and units, adds one audit entry and saves once. Passwords are never set here: creation and
/// reset end with a one-time set-password token (decision 0012).
/// </summary>
public sealed class UserAdminService(
    DanVanDbContext db, UserManager<AppUser> users, CurrentUser currentUser, TimeProvider clock,
    IOptions<DataProtectionTokenProviderOptions> tokenOptions, ILogger<UserAdminService> logger,
    DanVan.Web.Features.Account.SignInGuard guard)
{
    private const string ConflictMessage = "Tài khoản này vừa được người khác thay đổi. Trang đã được tải lại với dữ liệu mới nhất; vui lòng xem lại rồi thực hiện lại.";
    private const string LastAdminMessage = "Không thể thực hiện: đây là quản trị viên cuối cùng còn hoạt động. Hãy cấp quyền Quản trị cho một người khác trước.";

    // Identity decides lockout against the system clock, so the list must too.
    private static DateTimeOffset IdentityNow => DateTimeOffset.UtcNow;

    public async Task<UserList> ListAsync(UserFilter filter, CancellationToken ct)
    {
        var units = await UnitsAsync(ct);
        var rows = await RowsAsync(ct);
        // An office has tens to a few hundred accounts: filtering in memory allows accent-insensitive search
        // ("nguyen" finds "Nguyễn") the same way on SQLite and SQL Server.
        IEnumerable<UserRow> filtered = rows;
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = Fold(filter.Q.Trim());
            filtered = filtered.Where(r => Fold(r.FullName).Contains(q, StringComparison.Ordinal) || Fold(r.Email).Contains(q, StringComparison.Ordinal));
        }
        if (Roles.All.Contains(filter.Role)) filtered = filtered.Where(r => r.Roles.Contains(filter.Role!));
        if (!string.IsNullOrWhiteSpace(filter.Unit)) filtered = filtered.Where(r => r.UnitCodes.Contains(filter.Unit.Trim().ToUpperInvariant()));
        filtered = filter.Status switch
        {
            UserStatusFilter.Active => filtered.Where(r => !r.IsDisabled),
            UserStatusFilter.Disabled => filtered.Where(r => r.IsDisabled),
            UserStatusFilter.LockedOut => filtered.Where(r => r.LockedUntil is not null),
            UserStatusFilter.MustChangePassword => filtered.Where(r => r.MustChangePassword),
            UserStatusFilter.TwoFactor => filtered.Where(r => r.TwoFactorEnabled),
            _ => filtered,
        };
        return new UserList(filter, filtered.ToList(), rows.Count, units);
    }

    public async Task<IReadOnlyList<UnitOption>> UnitsAsync(CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => !u.IsAgency).OrderBy(u => u.SortOrder).ThenBy(u => u.Code)
            .Select(u => new UnitOption(u.Id, u.Code, u.Name, u.IsRetired)).ToListAsync(ct);

    public async Task<UserDetail?> DetailAsync(string id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return null;
        var roles = await RoleNamesAsync(id, ct);
        var unitIds = await db.UserUnits.AsNoTracking().Where(u => u.UserId == id).Select(u => u.UnitId).ToListAsync(ct);
        return new UserDetail(user.Id, user.FullName, user.Email ?? "", roles, unitIds, user.ConcurrencyStamp ?? "",
            user.IsDisabled, LockedUntil(user.LockoutEnd, guard.BlockedAccounts().GetValueOrDefault(user.Id)), user.AccessFailedCount,
            user.PasswordHash is not null, user.MustChangePassword, user.TwoFactorEnabled, user.UpdatedAt, user.UpdatedBy,
            user.Id == currentUser.Id);
    }

    public async Task<ServiceResult<SetPasswordTicket?>> CreateAsync(UserForm form, CancellationToken ct)
    {
        var email = (form.Email ?? "").Trim();
        var errors = await ValidateAsync(form, ct);
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = (form.FullName ?? "").Trim(),
            LockoutEnabled = true,
            MustChangePassword = true,
            SecurityStamp = NewStamp(),
            ConcurrencyStamp = NewStamp(),
        };
        user.NormalizedUserName = users.NormalizeName(email);
        user.NormalizedEmail = users.NormalizeEmail(email);
        if (!errors.ContainsKey(nameof(UserForm.Email)))
        {
            // Identity's own checks: allowed characters and uniqueness of the e-mail and the sign-in name.
            foreach (var validator in users.UserValidators)
            {
                var result = await validator.ValidateAsync(users, user);
                foreach (var error in result.Errors) errors.TryAdd(nameof(UserForm.Email), error.Description);
            }
        }
        if (errors.Count > 0) return ServiceResult.Invalid(errors);

        var roles = Wanted(form);
        Touch(user);
        user.Units.AddRange(form.UnitIds.Distinct().Select(id => new UserUnit { UnitId = id }));
        db.Users.Add(user);
        var roleIds = await RoleIdsAsync(ct);
        db.UserRoles.AddRange(roles.Select(r => new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[r] }));
        var unitCodes = await UnitCodesAsync(form.UnitIds, ct);
        Audit(UserAuditActions.Created, null, Describe(user, roles, unitCodes));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another admin created the same e-mail between our check and the save (unique index on the name).
            db.ChangeTracker.Clear();
            if (!await db.Users.AsNoTracking().AnyAsync(u => u.NormalizedUserName == user.NormalizedUserName, ct)) throw;
            return ServiceResult.Invalid(nameof(UserForm.Email), $"Email {email} đã được sử dụng.");
        }
        logger.LogInformation("User {Email} created by {Admin}", user.Email, currentUser.Name);
        return ServiceResult<SetPasswordTicket?>.Ok(await TicketAsync(user));
    }

    public async Task<ServiceResult<SetPasswordTicket?>> UpdateAsync(string id, UserForm form, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.Units).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return ServiceResult.NotFound;
        if (form.ConcurrencyStamp != user.ConcurrencyStamp) return ServiceResult.Conflict(ConflictMessage);
        form.Email = user.Email ?? "";
        var errors = await ValidateAsync(form, ct);
        if (errors.Count > 0) return ServiceResult.Invalid(errors);

        var before = await RoleNamesAsync(id, ct);
        var wanted = Wanted(form);
        if (before.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && !user.IsDisabled && !await AnotherEnabledAdminAsync(id, ct))
            return ServiceResult.Invalid(nameof(UserForm.Roles), LastAdminMessage);

        var oldUnitCodes = await UnitCodesAsync(user.Units.Select(u => u.UnitId), ct);
        var oldDescription = Describe(user, before, oldUnitCodes);
        user.FullName = form.FullName.Trim();
        var roleIds = await RoleIdsAsync(ct);
        var existing = await db.UserRoles.Where(r => r.UserId == id).ToListAsync(ct);
        db.UserRoles.RemoveRange(existing.Where(r => !wanted.Any(w => roleIds[w] == r.RoleId)));
        db.UserRoles.AddRange(wanted.Where(w => !before.Contains(w)).Select(w => new IdentityUserRole<string> { UserId = id, RoleId = roleIds[w] }));
        var wantedUnits = form.UnitIds.Distinct().ToHashSet();
        user.Units.RemoveAll(u => !wantedUnits.Contains(u.UnitId));
        user.Units.AddRange(wantedUnits.Where(u => user.Units.All(x => x.UnitId != u)).Select(u => new UserUnit { UserId = id, UnitId = u }));
        // Roles travel inside API tokens: a changed role must end them, as it ends the cookie's old claims.
        if (!before.Order().SequenceEqual(wanted.Order())) user.SecurityStamp = NewStamp();

        var newDescription = Describe(user, wanted, await UnitCodesAsync(wantedUnits, ct));
        if (newDescription == oldDescription) return ServiceResult<SetPasswordTicket?>.Ok(null);
        return await SaveAsync(user, form.ConcurrencyStamp, UserAuditActions.Updated, oldDescription, newDescription, ct);
    }

    public Task<ServiceResult<SetPasswordTicket?>> DisableAsync(string id, string? stamp, CancellationToken ct) =>
        ChangeAsync(id, stamp, UserAuditActions.Disabled, async user =>
        {
            if (user.IsDisabled) return null;
            if (await IsAdminAsync(user.Id, ct) && !await AnotherEnabledAdminAsync(user.Id, ct)) return LastAdminMessage;
            user.IsDisabled = true;
            // A new stamp ends every cookie and API token of the user at their next request.
            user.SecurityStamp = NewStamp();
            return null;
        }, ct);

    public Task<ServiceResult<SetPasswordTicket?>> EnableAsync(string id, string? stamp, CancellationToken ct) =>
        ChangeAsync(id, stamp, UserAuditActions.Enabled, user =>
        {
            user.IsDisabled = false;
            return Task.FromResult<string?>(null);
        }, ct);

    public Task<ServiceResult<SetPasswordTicket?>> SignOutEverywhereAsync(string id, string? stamp, CancellationToken ct) =>
        ChangeAsync(id, stamp, UserAuditActions.SignedOut, user =>
        {
            user.SecurityStamp = NewStamp();
            return Task.FromResult<string?>(null);
        }, ct);

    public Task<ServiceResult<SetPasswordTicket?>> UnlockAsync(string id, string? stamp, CancellationToken ct) =>
        ChangeAsync(id, stamp, UserAuditActions.Unlocked, user =>
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            guard.Reset(user.Id);
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>
    /// The old password stops working (no hash), every session ends (new stamp, which also voids earlier links),
    /// and the user can only get in through the new one-time link.
    /// </summary>
    public async Task<ServiceResult<SetPasswordTicket?>> ResetPasswordAsync(string id, string? stamp, CancellationToken ct)
    {
        AppUser? target = null;
        var result = await ChangeAsync(id, stamp, UserAuditActions.PasswordReset, user =>
        {
            user.PasswordHash = null;
            user.MustChangePassword = true;
            user.SecurityStamp = NewStamp();
            target = user;
            return Task.FromResult<string?>(null);
        }, ct);
        return result.IsOk && target is not null ? ServiceResult<SetPasswordTicket?>.Ok(await TicketAsync(target)) : result;
    }

    /// <summary>Turns two-factor sign-in off and forgets the authenticator key and recovery codes.</summary>
    public Task<ServiceResult<SetPasswordTicket?>> ResetTwoFactorAsync(string id, string? stamp, CancellationToken ct) =>
        ChangeAsync(id, stamp, UserAuditActions.TwoFactorReset, async user =>
        {
            user.TwoFactorEnabled = false;
            db.UserTokens.RemoveRange(await db.UserTokens.Where(t => t.UserId == user.Id).ToListAsync(ct));
            user.SecurityStamp = NewStamp();
            return null;
        }, ct);

    private async Task<ServiceResult<SetPasswordTicket?>> ChangeAsync(string id, string? stamp, string action, Func<AppUser, Task<string?>> change, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.Units).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return ServiceResult.NotFound;
        if (stamp != user.ConcurrencyStamp) return ServiceResult.Conflict(ConflictMessage);
        var roles = await RoleNamesAsync(id, ct);
        var unitCodes = await UnitCodesAsync(user.Units.Select(u => u.UnitId), ct);
        var before = Describe(user, roles, unitCodes);
        var refusal = await change(user);
        if (refusal is not null) return ServiceResult.Refused(refusal);
        return await SaveAsync(user, stamp, action, before, Describe(user, roles, unitCodes), ct);
    }

    private async Task<ServiceResult<SetPasswordTicket?>> SaveAsync(AppUser user, string? seenStamp, string action, string? before, string after, CancellationToken ct)
    {
        Touch(user);
        db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = seenStamp;
        user.ConcurrencyStamp = NewStamp();
        Audit(action, before, after);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult.Conflict(ConflictMessage);
        }
        logger.LogInformation("{Action} for {Email} by {Admin}", action, user.Email, currentUser.Name);
        return ServiceResult<SetPasswordTicket?>.Ok(null);
    }

    private async Task<Dictionary<string, string>> ValidateAsync(UserForm form, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var name = (form.FullName ?? "").Trim();
        if (name.Length == 0) errors[nameof(UserForm.FullName)] = "Vui lòng nhập họ tên.";
        else if (name.Length > UserForm.MaxNameLength) errors[nameof(UserForm.FullName)] = "Họ tên tối đa 256 ký tự.";
        else if (name.Any(char.IsControl)) errors[nameof(UserForm.FullName)] = "Họ tên không được chứa ký tự điều khiển.";
        form.FullName = name.Normalize(NormalizationForm.FormC);

        var email = (form.Email ?? "").Trim();
        if (email.Length == 0) errors[nameof(UserForm.Email)] = "Vui lòng nhập email.";
        else if (email.Length > 256 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email) || email.Any(char.IsWhiteSpace))
            errors[nameof(UserForm.Email)] = "Email không hợp lệ.";

        form.Roles ??= [];
        form.UnitIds ??= [];
        if (form.Roles.Any(r => !Roles.All.Contains(r))) errors[nameof(UserForm.Roles)] = "Vai trò không hợp lệ.";
        else if (form.Roles.Count == 0) errors[nameof(UserForm.Roles)] = "Vui lòng chọn ít nhất một vai trò.";

        var ids = form.UnitIds.Distinct().ToList();
        var known = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.IsAgency).CountAsync(ct);
        if (known != ids.Count) errors[nameof(UserForm.UnitIds)] = "Đơn vị không hợp lệ.";
        else if (form.Roles.Contains(Roles.UnitStaff) && ids.Count == 0)
            errors[nameof(UserForm.UnitIds)] = "Cán bộ đơn vị phải được gắn với ít nhất một đơn vị.";
        else if (!form.Roles.Contains(Roles.UnitStaff) && ids.Count > 0)
            errors[nameof(UserForm.UnitIds)] = "Chỉ cán bộ đơn vị mới được gắn với đơn vị; hãy bỏ chọn đơn vị hoặc thêm vai trò Cán bộ đơn vị.";
        return errors;
    }

    private async Task<SetPasswordTicket> TicketAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return new SetPasswordTicket(user.Id, user.Email ?? "", user.FullName, token, clock.GetUtcNow() + tokenOptions.Value.TokenLifespan);
    }

    private async Task<List<UserRow>> RowsAsync(CancellationToken ct)
    {
        var list = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id, u.FullName, u.Email, u.IsDisabled, u.LockoutEnd, u.MustChangePassword, u.TwoFactorEnabled, u.UpdatedAt, u.UpdatedBy,
            })
            .ToListAsync(ct);
        var roles = await (from ur in db.UserRoles.AsNoTracking()
                           join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var units = await (from uu in db.UserUnits.AsNoTracking()
                           join u in db.Units.AsNoTracking() on uu.UnitId equals u.Id
                           select new { uu.UserId, u.Code, u.SortOrder }).ToListAsync(ct);
        var blocked = guard.BlockedAccounts();
        return list.Select(u => new UserRow(
                u.Id, u.FullName, u.Email ?? "",
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => IndexOfRole(r)).ToList(),
                units.Where(x => x.UserId == u.Id).OrderBy(x => x.SortOrder).Select(x => x.Code).ToList(),
                u.IsDisabled, LockedUntil(u.LockoutEnd, blocked.GetValueOrDefault(u.Id)), u.MustChangePassword, u.TwoFactorEnabled, u.UpdatedAt, u.UpdatedBy))
            .ToList();
    }

    /// <summary>A lockout end set in Identity, or a block of the sign-in guard (decision 0030) for some address.</summary>
    private static DateTimeOffset? LockedUntil(DateTimeOffset? identityEnd, DateTimeOffset guardEnd)
    {
        DateTimeOffset? end = identityEnd > IdentityNow ? identityEnd : null;
        return guardEnd != default && (end is null || guardEnd > end) ? guardEnd : end;
    }

    private static int IndexOfRole(string role) => Roles.All.ToList().IndexOf(role);

    private static List<string> Wanted(UserForm form) => Roles.All.Where(form.Roles.Contains).ToList();

    private async Task<List<string>> RoleNamesAsync(string userId, CancellationToken ct) =>
        (await (from ur in db.UserRoles.AsNoTracking()
                join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                where ur.UserId == userId
                select r.Name!).ToListAsync(ct)).OrderBy(IndexOfRole).ToList();

    private async Task<Dictionary<string, string>> RoleIdsAsync(CancellationToken ct) =>
        await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, ct);

    private async Task<List<string>> UnitCodesAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        return await db.Units.AsNoTracking().Where(u => list.Contains(u.Id)).OrderBy(u => u.SortOrder).Select(u => u.Code).ToListAsync(ct);
    }

    private async Task<bool> IsAdminAsync(string userId, CancellationToken ct) => (await RoleNamesAsync(userId, ct)).Contains(Roles.Admin);

    private async Task<bool> AnotherEnabledAdminAsync(string userId, CancellationToken ct)
    {
        var adminRole = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleAsync(ct);
        return await (from ur in db.UserRoles.AsNoTracking()
                      join u in db.Users.AsNoTracking() on ur.UserId equals u.Id
                      where ur.RoleId == adminRole && u.Id != userId && !u.IsDisabled
                      select u.Id).AnyAsync(ct);
    }

    private void Touch(AppUser user)
    {
        user.UpdatedAt = clock.GetUtcNow();
        user.UpdatedBy = currentUser.Name;
    }

    private void Audit(string action, string? before, string after) =>
        db.AuditEntries.Add(AuditEntry.Record(clock.GetUtcNow(), currentUser.Name, action, oldValue: before, newValue: after));

    /// <summary>What an admin can change, in one line; never a password, hash, stamp or token.</summary>
    private static string Describe(AppUser user, IEnumerable<string> roles, IEnumerable<string> unitCodes)
    {
        var parts = new List<string>
        {
            user.Email ?? "",
            user.FullName,
            "vai trò: " + string.Join(", ", roles.Select(Roles.Vietnamese)),
        };
        var units = unitCodes.ToList();
        if (units.Count > 0) parts.Add("đơn vị: " + string.Join(", ", units));
        parts.Add(user.IsDisabled ? "đã vô hiệu hóa" : "đang hoạt động");
        if (user.PasswordHash is null) parts.Add("chưa có mật khẩu");
        if (user.LockoutEnd > IdentityNow) parts.Add("đang bị tạm khóa");
        if (user.TwoFactorEnabled) parts.Add("xác thực hai bước");
        return string.Join(" · ", parts);
    }

    private static string NewStamp() => Guid.NewGuid().ToString();

    /// <summary>Lower case without diacritics (đ → d), for search.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }
        return builder.ToString();
    }
}
