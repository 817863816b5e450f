using DanVan.Data;
using DanVan.Domain.Auditing;
using DanVan.Domain.Common;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Domain.Submissions;
using DanVan.Web.Infrastructure;
using DanVan.Web.Infrastructure.ServiceResults;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Services.Admin.Units;

public sealed record SuppliedItem(string Code, string Name);

/// <summary>One unit of the tree with what it supplies in the current template, and its children.</summary>
public sealed record UnitNode(
    string Code, string Name, bool IsAgency, bool IsRetired, int Depth,
    IReadOnlyList<SuppliedItem> Indicators, IReadOnlyList<SuppliedItem> Sections, IReadOnlyList<UnitNode> Children);

public sealed record ParentOption(string Code, string Label);

public sealed record UnitTree(IReadOnlyList<UnitNode> Roots, string? TemplateName, int? TemplateVersion, IReadOnlyList<ParentOption> Parents);

public sealed record UnitPeriod(string PeriodCode, string PeriodName, bool PeriodLocked, bool Participant, SubmissionStatus Status);

public sealed record UnitDetail(
    UnitNode Unit, Guid Version, string? ParentCode, string? ParentName, int ActiveChildren,
    IReadOnlyList<ParentOption> MoveTargets, IReadOnlyList<UnitPeriod> Periods, IReadOnlyList<AuditRow> Log,
    string? TemplateName, int? TemplateVersion);

public static class UnitFields
{
    public const string Code = "Code";
    public const string Name = "Name";
    public const string ParentCode = "ParentCode";
    public const string Reason = "Reason";
}

/// <summary>
/// Admin: the unit tree. Add, rename, move (no cycles), retire and restore units; every change audited, every form
/// checked against the unit's concurrency token. Units are never deleted: their history stays.
/// </summary>
public sealed class UnitAdminService(DanVanDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<UnitTree> TreeAsync(CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var template = await CurrentTemplateAsync(ct);
        var supplied = await SuppliedAsync(template?.Id, ct);
        var roots = Build(units, supplied);
        return new UnitTree(roots, template?.Name, template?.Version, Options(roots, _ => true));
    }

    public async Task<UnitDetail?> DetailAsync(string unitCode, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var unit = Find(units, unitCode);
        if (unit is null) return null;
        var template = await CurrentTemplateAsync(ct);
        var roots = Build(units, await SuppliedAsync(template?.Id, ct));
        var node = Flatten(roots).Single(n => n.Code == unit.Code);
        var descendants = Flatten(node.Children).Select(n => n.Code).ToHashSet();
        var parent = units.FirstOrDefault(u => u.Id == unit.ParentId);

        var id = unit.Id;
        var participating = await db.PeriodParticipants.AsNoTracking().Where(p => p.UnitId == id).Select(p => p.PeriodId).ToListAsync(ct);
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.UnitId == id)
            .Select(s => new { s.PeriodId, s.Status }).ToDictionaryAsync(s => s.PeriodId, s => s.Status, ct);
        var periodIds = participating.Concat(submissions.Keys).Distinct().ToList();
        var periods = await db.Periods.AsNoTracking().Where(p => periodIds.Contains(p.Id))
            .OrderByDescending(p => p.CutoffTo).ThenByDescending(p => p.CutoffFrom).ToListAsync(ct);
        var log = await db.AuditEntries.AsNoTracking()
            .Where(a => a.UnitId == id && a.Action.StartsWith("unit."))
            .OrderByDescending(a => a.Id).Take(50).ToListAsync(ct);

        return new UnitDetail(
            node, unit.Version, parent?.Code, parent?.Name,
            units.Count(u => u.ParentId == id && !u.IsRetired),
            Options(roots, n => n.Code != unit.Code && !descendants.Contains(n.Code)),
            periods.Select(p => new UnitPeriod(p.Code, p.Name, p.IsLocked, participating.Contains(p.Id),
                submissions.TryGetValue(p.Id, out var status) ? status : SubmissionStatus.NotStarted)).ToList(),
            log.Select(a => new AuditRow(a.At, a.UserName, a.Action, unit.Code, a.OldValue, a.NewValue, a.Reason)).ToList(),
            template?.Name, template?.Version);
    }

    public async Task<ServiceResult<string>> CreateAsync(string? code, string? name, string? parentCode, CancellationToken ct)
    {
        if (!currentUser.IsInRole(Roles.Admin)) return ServiceResult.Forbidden;
        var errors = new Dictionary<string, string>();
        if (Unit.CheckCode(code) is { } codeError) errors[UnitFields.Code] = codeError;
        if (Unit.CheckName(name) is { } nameError) errors[UnitFields.Name] = nameError;
        if (string.IsNullOrWhiteSpace(parentCode)) errors[UnitFields.ParentCode] = "Chọn đơn vị cấp trên.";
        if (errors.Count > 0) return ServiceResult.Invalid(errors);

        var normalized = Unit.NormalizeCode(code!);
        var units = await db.Units.ToListAsync(ct);
        if (units.FirstOrDefault(u => u.Code == normalized) is { } taken)
            return ServiceResult.Invalid(UnitFields.Code, Taken(taken));
        var parent = Find(units, parentCode!);
        if (parent is null) return ServiceResult.Invalid(UnitFields.ParentCode, "Đơn vị cấp trên không tồn tại.");
        if (parent.IsRetired) return ServiceResult.Invalid(UnitFields.ParentCode, "Đơn vị cấp trên đã ngừng hoạt động.");

        var unit = Unit.Create(normalized, name!, parent, units.Max(u => u.SortOrder) + 1);
        // A concurrent retire of the parent or a move above it must not miss this new child.
        foreach (var above in PathToRoot(parent, units)) above.Touch();
        try
        {
            // The audit entry names the unit's id, which exists once the unit is inserted: one transaction.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Units.Add(unit);
            await db.SaveChangesAsync(ct);
            db.AuditEntries.Add(AuditEntry.Record(clock.GetUtcNow(), currentUser.Name, AuditActions.UnitCreated, unitId: unit.Id,
                newValue: $"{unit.Code} – {unit.Name}; thuộc {parent.Code}"));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return ServiceResult<string>.Ok(unit.Code);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult.Conflict(TreeChanged);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == normalized, ct) is { } other)
                return ServiceResult.Invalid(UnitFields.Code, Taken(other));
            throw;
        }
    }

    public async Task<ServiceResult<string>> RenameAsync(string unitCode, Guid? version, string? name, CancellationToken ct)
    {
        if (Unit.CheckName(name) is { } error) return ServiceResult.Invalid(UnitFields.Name, error);
        return await ChangeAsync(unitCode, version, (unit, _) =>
        {
            var old = unit.Name;
            unit.Rename(name!);
            if (unit.Name == old) return ServiceResult.Invalid(UnitFields.Name, "Tên mới trùng tên hiện tại.");
            return Audit(unit, AuditActions.UnitRenamed, old, unit.Name, null);
        }, ct);
    }

    public async Task<ServiceResult<string>> MoveAsync(string unitCode, Guid? version, string? parentCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(parentCode)) return ServiceResult.Invalid(UnitFields.ParentCode, "Chọn đơn vị cấp trên mới.");
        return await ChangeAsync(unitCode, version, (unit, units) =>
        {
            var parent = Find(units, parentCode);
            if (parent is null) return ServiceResult.Invalid(UnitFields.ParentCode, "Đơn vị cấp trên không tồn tại.");
            var path = PathToRoot(parent, units);
            var oldParent = units.FirstOrDefault(u => u.Id == unit.ParentId)?.Code;
            try
            {
                unit.MoveUnder(parent, path.Select(u => u.Id).ToList());
            }
            catch (DomainException ex)
            {
                return ServiceResult.Invalid(UnitFields.ParentCode, ex.Message);
            }
            // Every unit on the new parent's path gets a new token: two admins moving A under B and B under A at
            // the same moment both write A and B, so one of them fails instead of leaving a cycle.
            foreach (var above in path) above.Touch();
            return Audit(unit, AuditActions.UnitMoved, oldParent, parent.Code, null);
        }, ct);
    }

    public async Task<ServiceResult<string>> RetireAsync(string unitCode, Guid? version, string? reason, CancellationToken ct)
    {
        if (ReasonError(reason, "Cần ghi lý do ngừng hoạt động.") is { } error) return ServiceResult.Invalid(UnitFields.Reason, error);
        return await ChangeAsync(unitCode, version, (unit, units) =>
        {
            unit.Retire(hasActiveChildren: units.Any(u => u.ParentId == unit.Id && !u.IsRetired));
            return Audit(unit, AuditActions.UnitRetired, "hoạt động", "ngừng hoạt động", reason);
        }, ct);
    }

    /// <summary>
    /// Un-retires a unit. It takes part again in the periods still open (not locked) that were created while it was
    /// retired and in which it has something to send, so that a mistaken retirement leaves no trace in them.
    /// </summary>
    public async Task<ServiceResult<string>> RestoreAsync(string unitCode, Guid? version, string? reason, CancellationToken ct)
    {
        if (ReasonError(reason, "Cần ghi lý do cho đơn vị hoạt động trở lại.") is { } error) return ServiceResult.Invalid(UnitFields.Reason, error);
        var normalized = Unit.NormalizeCode(unitCode);
        var unitId = await db.Units.AsNoTracking().Where(u => u.Code == normalized).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        var open = await db.Periods.Include(p => p.Participants).Where(p => !p.IsLocked).ToListAsync(ct);
        var templateIds = open.Select(p => p.TemplateId).Distinct().ToList();
        var supplies = await db.Indicators.Where(i => templateIds.Contains(i.TemplateId) && !i.IsRetired && i.UnitId == unitId).Select(i => i.TemplateId)
            .Concat(db.OutlineSections.Where(s => templateIds.Contains(s.TemplateId) && s.WriterUnitId == unitId).Select(s => s.TemplateId))
            .Distinct().ToListAsync(ct);
        return await ChangeAsync(unitCode, version, (unit, _) =>
        {
            unit.Restore();
            var joined = open.Where(p => supplies.Contains(p.TemplateId) && p.Enrol([unit.Id]).Count > 0).Select(p => p.Code).ToList();
            return Audit(unit, AuditActions.UnitRestored, "ngừng hoạt động",
                joined.Count == 0 ? "hoạt động" : $"hoạt động; tham gia lại kỳ {string.Join(", ", joined)}", reason);
        }, ct);
    }

    /// <summary>
    /// Loads the tree tracked for a change to one unit, refuses a stale form, applies the change and saves it with its
    /// audit entry in one SaveChanges.
    /// </summary>
    private async Task<ServiceResult<string>> ChangeAsync(string unitCode, Guid? version, Func<Unit, List<Unit>, ServiceResult<string>> change, CancellationToken ct)
    {
        if (!currentUser.IsInRole(Roles.Admin)) return ServiceResult.Forbidden;
        var units = await db.Units.ToListAsync(ct);
        var unit = Find(units, unitCode);
        if (unit is null) return ServiceResult.NotFound;
        if (version is { } expected && expected != unit.Version) return ServiceResult.Conflict(Stale).With(unit.Code);
        try
        {
            var result = change(unit, units);
            if (!result.IsOk) return result;
            await db.SaveChangesAsync(ct);
            return result;
        }
        catch (DomainException ex)
        {
            return ServiceResult.Invalid("", ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult.Conflict(TreeChanged).With(unit.Code);
        }
    }

    private ServiceResult<string> Audit(Unit unit, string action, string? oldValue, string? newValue, string? reason)
    {
        db.AuditEntries.Add(AuditEntry.Record(clock.GetUtcNow(), currentUser.Name, action, unitId: unit.Id,
            oldValue: oldValue, newValue: newValue, reason: string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
        return ServiceResult<string>.Ok(unit.Code);
    }

    private const string Stale = "Đơn vị vừa được người khác cập nhật. Trang đã được tải lại với dữ liệu mới; vui lòng xem lại rồi thực hiện lại.";
    private const string TreeChanged = "Cây đơn vị vừa được người khác thay đổi. Vui lòng tải lại trang rồi thực hiện lại.";

    private static string Taken(Unit unit) =>
        $"Mã “{unit.Code}” đã được dùng cho “{unit.Name}”{(unit.IsRetired ? " (đã ngừng hoạt động)" : "")}; mã đơn vị không dùng lại.";

    private static string? ReasonError(string? reason, string missing) =>
        string.IsNullOrWhiteSpace(reason) ? missing
        : reason.Length > AdminAuditText.MaxReasonLength ? "Lý do quá dài (tối đa 1.000 ký tự)."
        : null;

    private static Unit? Find(IEnumerable<Unit> units, string code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > Unit.MaxCodeLength) return null;
        var normalized = Unit.NormalizeCode(code);
        return units.FirstOrDefault(u => u.Code == normalized);
    }

    /// <summary>The unit and its ancestors up to the root (stops on a cycle rather than looping).</summary>
    private static List<Unit> PathToRoot(Unit unit, IReadOnlyCollection<Unit> units)
    {
        var byId = units.ToDictionary(u => u.Id);
        var path = new List<Unit>();
        for (Unit? current = unit; current is not null && !path.Contains(current);)
        {
            path.Add(current);
            current = current.ParentId is { } parentId ? byId.GetValueOrDefault(parentId) : null;
        }
        return path;
    }

    private sealed record TemplateRef(int Id, string Name, int Version);

    private Task<TemplateRef?> CurrentTemplateAsync(CancellationToken ct) =>
        db.Templates.AsNoTracking().Where(t => !t.IsDraft).OrderByDescending(t => t.Version).ThenByDescending(t => t.Id)
            .Select(t => new TemplateRef(t.Id, t.Name, t.Version)).FirstOrDefaultAsync(ct);

    private sealed record Supplied(ILookup<int, SuppliedItem> Indicators, ILookup<int, SuppliedItem> Sections);

    private async Task<Supplied> SuppliedAsync(int? templateId, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.TemplateId == templateId && !i.IsRetired)
            .OrderBy(i => i.SortOrder)
            .Select(i => new { i.UnitId, i.Code, i.Name })
            .ToListAsync(ct);
        var sections = await db.OutlineSections.AsNoTracking()
            .Where(s => s.TemplateId == templateId && s.WriterUnitId != null)
            .Select(s => new { UnitId = s.WriterUnitId!.Value, s.Key, s.Title })
            .ToListAsync(ct);
        return new Supplied(
            indicators.ToLookup(i => i.UnitId, i => new SuppliedItem(i.Code, i.Name)),
            sections.ToLookup(s => s.UnitId, s => new SuppliedItem(s.Key, s.Title)));
    }

    private static List<UnitNode> Build(IReadOnlyList<Unit> units, Supplied supplied)
    {
        var children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        var visited = new HashSet<int>();
        UnitNode Node(Unit u, int depth)
        {
            visited.Add(u.Id);
            var kids = children[u.Id].Where(c => !visited.Contains(c.Id))
                .OrderBy(c => c.IsRetired).ThenBy(c => c.SortOrder).ThenBy(c => c.Code)
                .Select(c => Node(c, depth + 1)).ToList();
            return new UnitNode(u.Code, u.Name, u.IsAgency, u.IsRetired, depth,
                supplied.Indicators[u.Id].ToList(), supplied.Sections[u.Id].ToList(), kids);
        }

        return units.Where(u => u.ParentId is null).OrderBy(u => u.SortOrder).ThenBy(u => u.Code).Select(u => Node(u, 0)).ToList();
    }

    private static IEnumerable<UnitNode> Flatten(IEnumerable<UnitNode> nodes) => nodes.SelectMany(n => Flatten(n.Children).Prepend(n));

    /// <summary>Active units as parent choices, indented by depth, in tree order.</summary>
    private static List<ParentOption> Options(IEnumerable<UnitNode> roots, Func<UnitNode, bool> allowed) =>
        Flatten(roots).Where(n => !n.IsRetired && allowed(n))
            .Select(n => new ParentOption(n.Code, string.Concat(Enumerable.Repeat("— ", n.Depth)) + $"{n.Name} ({n.Code})"))
            .ToList();
}
