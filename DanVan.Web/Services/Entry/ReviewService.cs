using DanVan.Data;
using DanVan.Domain.Common;
using DanVan.Domain.Expressions;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Domain.Rules;
using DanVan.Domain.Submissions;
using DanVan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Services.Entry;

public sealed record BoardRow(
    string UnitCode, string UnitName, SubmissionStatus Status, string? LastChangedBy, DateTimeOffset? LastChangedAt,
    int Violations, int Explained, int Missing, DateOnly? ReopenedUntil);

public sealed record Board(
    string PeriodCode, string PeriodName, bool IsLocked, bool IsIllustrative, DateOnly UnitDeadline, int DaysLeft,
    IReadOnlyList<BoardRow> Rows);

public sealed record PeriodViolation(string UnitCode, string Rule, string Message, Severity Severity, string? Explanation);

/// <summary>The compiler's side: completeness board, accept, return; the admin's reopen.</summary>
public sealed class ReviewService(DanVanDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task<Board?> BoardAsync(string periodCode, CancellationToken ct)
    {
        var evaluation = await EvaluateAsync(periodCode, ct);
        if (evaluation is null) return null;
        var (period, units, submissions, violations, missing) = evaluation.Value;
        var rows = units.Select(u =>
        {
            var s = submissions.GetValueOrDefault(u.Id);
            var unitViolations = violations.Where(v => v.UnitCode == u.Code).ToList();
            return new BoardRow(
                u.Code, u.Name, s?.Status ?? SubmissionStatus.NotStarted, s?.LastChangedBy, s?.LastChangedAt,
                unitViolations.Count, unitViolations.Count(v => !string.IsNullOrWhiteSpace(v.Explanation)),
                missing.GetValueOrDefault(u.Id), s?.ReopenedUntil);
        }).ToList();
        return new Board(period.Code, period.Name, period.IsLocked, period.IsIllustrative, period.UnitDeadline,
            period.DaysToUnitDeadline(Today), rows);
    }

    public async Task<IReadOnlyList<PeriodViolation>?> ViolationsAsync(string periodCode, CancellationToken ct) =>
        (await EvaluateAsync(periodCode, ct))?.Violations;

    public Task<(EntryOutcome Outcome, string? Message)> AcceptAsync(string periodCode, string unitCode, CancellationToken ct) =>
        ReviewAsync(periodCode, unitCode, (s, user, at) => s.Accept(user, at), ct);

    public Task<(EntryOutcome Outcome, string? Message)> ReturnAsync(string periodCode, string unitCode, string? comment, CancellationToken ct)
    {
        if (!currentUser.IsInRole(Roles.Compiler)) return Task.FromResult((EntryOutcome.Forbidden, (string?)null));
        if (string.IsNullOrWhiteSpace(comment)) return Task.FromResult((EntryOutcome.Invalid, (string?)"Cần ghi ý kiến khi trả lại."));
        if (comment.Length > Submission.MaxCommentLength)
            return Task.FromResult((EntryOutcome.Invalid, (string?)$"Ý kiến quá dài (tối đa {Submission.MaxCommentLength} ký tự)."));
        return ReviewAsync(periodCode, unitCode, (s, user, at) => s.Return(user, at, comment), ct);
    }

    /// <summary>Admin: let a unit edit after the deadline or lock until a day (recorded in the audit log).</summary>
    public async Task<(EntryOutcome Outcome, string? Message)> ReopenAsync(
        string periodCode, string unitCode, DateOnly until, string? reason, CancellationToken ct)
    {
        if (!currentUser.IsInRole(Roles.Admin)) return (EntryOutcome.Forbidden, null);
        if (until < Today) return (EntryOutcome.Invalid, "Ngày mở lại phải từ hôm nay trở đi.");
        var (submission, period, unit) = await LoadAsync(periodCode, unitCode, ct);
        if (period is null || unit is null) return (EntryOutcome.NotFound, null);
        submission ??= db.Submissions.Add(Submission.Start(period.Id, unit.Id)).Entity;
        try
        {
            db.AuditEntries.Add(submission.Reopen(until, currentUser.Name, clock.GetUtcNow(), reason ?? ""));
            await db.SaveChangesAsync(ct);
            return (EntryOutcome.Saved, null);
        }
        catch (DomainException ex)
        {
            return (EntryOutcome.Invalid, ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (EntryOutcome.Conflict, "Phiếu vừa được cập nhật, vui lòng thử lại.");
        }
    }

    private async Task<(EntryOutcome, string?)> ReviewAsync(
        string periodCode, string unitCode, Func<Submission, string, DateTimeOffset, Domain.Auditing.AuditEntry> action, CancellationToken ct)
    {
        if (!currentUser.IsInRole(Roles.Compiler)) return (EntryOutcome.Forbidden, null);
        var (submission, period, unit) = await LoadAsync(periodCode, unitCode, ct);
        if (period is null || unit is null) return (EntryOutcome.NotFound, null);
        if (submission is null) return (EntryOutcome.Refused, "Đơn vị chưa gửi phiếu số liệu.");
        try
        {
            db.AuditEntries.Add(action(submission, currentUser.Name, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return (EntryOutcome.Saved, null);
        }
        catch (DomainException ex)
        {
            return (EntryOutcome.Refused, ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (EntryOutcome.Conflict, "Phiếu vừa được cập nhật, vui lòng tải lại trang.");
        }
    }

    private async Task<(Submission?, ReportingPeriod?, Unit?)> LoadAsync(string periodCode, string unitCode, CancellationToken ct)
    {
        if (!PeriodCode.TryParse(periodCode, out var code) || unitCode.Length > 32) return (null, null, null);
        var p = code.ToString();
        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(x => x.Code == p, ct);
        var u = unitCode.ToUpperInvariant();
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(x => x.Code == u && !x.IsAgency, ct);
        if (period is null || unit is null) return (null, period, unit);
        var submission = await db.Submissions.Include(s => s.Explanations)
            .SingleOrDefaultAsync(s => s.PeriodId == period.Id && s.UnitId == unit.Id, ct);
        return (submission, period, unit);
    }

    /// <summary>Every unit of a period checked against its rules, from one query for all values.</summary>
    private async Task<(ReportingPeriod Period, List<Unit> Units, Dictionary<int, Submission> Submissions,
        List<PeriodViolation> Violations, Dictionary<int, int> Missing)?> EvaluateAsync(string periodCode, CancellationToken ct)
    {
        if (!PeriodCode.TryParse(periodCode, out var code)) return null;
        var p = code.ToString();
        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(x => x.Code == p, ct);
        if (period is null) return null;

        var units = await db.Units.AsNoTracking().Where(u => !u.IsAgency && !u.IsRetired).OrderBy(u => u.SortOrder).ToListAsync(ct);
        var submissions = await db.Submissions.AsNoTracking().Include(s => s.Explanations)
            .Where(s => s.PeriodId == period.Id).ToDictionaryAsync(s => s.UnitId, ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.TemplateId == period.TemplateId && !i.IsRetired).ToListAsync(ct);
        var rules = await db.Rules.AsNoTracking().Where(r => r.TemplateId == period.TemplateId && !r.IsRetired).OrderBy(r => r.Id).ToListAsync(ct);
        var values = await db.Values.AsNoTracking().Where(v => v.PeriodId == period.Id)
            .Select(v => new { v.UnitId, v.IndicatorId, v.Number, v.Text }).ToListAsync(ct);

        var previous = PreviousPeriod.Of(period,
            await db.Periods.AsNoTracking().Where(x => x.CutoffTo == period.CutoffFrom.AddDays(-1)).ToListAsync(ct));
        var previousValues = previous is null
            ? []
            : await db.Values.AsNoTracking().Where(v => v.PeriodId == previous.Id).Select(v => new { v.UnitId, v.IndicatorId, v.Number }).ToListAsync(ct);

        var codeOf = indicators.ToDictionary(i => i.Id, i => i.Code);
        var formulas = indicators.Where(i => i.IsComputed).ToDictionary(i => i.Code, i => ExpressionParser.Parse(i.Formula!), StringComparer.OrdinalIgnoreCase);
        var violations = new List<PeriodViolation>();
        var missing = new Dictionary<int, int>();
        foreach (var unit in units)
        {
            var own = indicators.Where(i => i.UnitId == unit.Id).ToList();
            var entered = values.Where(v => v.UnitId == unit.Id && codeOf.ContainsKey(v.IndicatorId))
                .ToDictionary(v => codeOf[v.IndicatorId], v => v.Number, StringComparer.OrdinalIgnoreCase);
            var before = previousValues.Where(v => v.UnitId == unit.Id && codeOf.ContainsKey(v.IndicatorId))
                .ToDictionary(v => codeOf[v.IndicatorId], v => v.Number, StringComparer.OrdinalIgnoreCase);
            var source = new ComputingValueSource(entered, formulas, previous is null ? null : new ComputingValueSource(before, formulas));
            var applicable = RuleEvaluator.ApplicableTo(rules, own.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase));
            var explanations = submissions.GetValueOrDefault(unit.Id)?.Explanations;
            foreach (var v in RuleEvaluator.Evaluate(applicable, source))
            {
                violations.Add(new PeriodViolation(unit.Code, v.RuleCode, v.Message, v.Severity,
                    explanations?.FirstOrDefault(e => e.RuleCode == v.RuleCode)?.Text));
            }
            var present = values.Where(v => v.UnitId == unit.Id && (v.Number is not null || v.Text is not null)).Select(v => v.IndicatorId).ToHashSet();
            missing[unit.Id] = own.Count(i => i.IsRequired && !present.Contains(i.Id));
        }
        return (period, units, submissions, violations, missing);
    }
}
