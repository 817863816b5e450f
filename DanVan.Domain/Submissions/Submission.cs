using DanVan.Domain.Auditing;
using DanVan.Domain.Common;
using DanVan.Domain.Indicators;
using DanVan.Domain.Periods;
using DanVan.Domain.Rules;

namespace DanVan.Domain.Submissions;

/// <summary>
/// Phiếu số liệu: one unit's values, narratives and explanations for one period, with its workflow
/// (Chưa nhập → Đang nhập → Đã gửi → Đã tiếp nhận, or → Bị trả lại → Đang nhập …).
/// </summary>
public class Submission
{
    public const int MaxCommentLength = 4000;
    public const int MaxNarrativeLength = 50_000;

    private readonly List<IndicatorValue> _values = [];
    private readonly List<Narrative> _narratives = [];
    private readonly List<Explanation> _explanations = [];

    private Submission()
    {
    }

    public int Id { get; private set; }
    public int PeriodId { get; private set; }
    public int UnitId { get; private set; }
    public SubmissionStatus Status { get; private set; }
    public string? ReturnComment { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? LastChangedAt { get; private set; }
    public string? LastChangedBy { get; private set; }

    /// <summary>Set once the unit has sent it: later changes then need a reason.</summary>
    public bool WasEverSubmitted { get; private set; }

    /// <summary>An admin let the unit edit after the period's deadline or lock, until this day (inclusive).</summary>
    public DateOnly? ReopenedUntil { get; private set; }

    /// <summary>An admin closed this unit's sheet in the period, whatever the period's own state, until reopened.</summary>
    public bool IsLocked { get; private set; }

    /// <summary>Optimistic concurrency token, renewed on every change (works on SQLite and SQL Server).</summary>
    public Guid Version { get; private set; }

    public IReadOnlyCollection<IndicatorValue> Values => _values;
    public IReadOnlyCollection<Narrative> Narratives => _narratives;
    public IReadOnlyCollection<Explanation> Explanations => _explanations;

    public bool IsEditableByUnit => Status is SubmissionStatus.NotStarted or SubmissionStatus.Draft or SubmissionStatus.Returned;

    public static Submission Start(int periodId, int unitId) => new()
    {
        PeriodId = periodId,
        UnitId = unitId,
        Status = SubmissionStatus.NotStarted,
        Version = Guid.NewGuid(),
    };

    /// <summary>Whether the unit may write today, given whether the period itself is open.</summary>
    public bool IsOpenForUnit(bool periodOpen, DateOnly today) =>
        UnitWriteAccess.Of(Status, IsLocked, ReopenedUntil, periodLocked: !periodOpen, DateOnly.MaxValue, today).MayWrite;

    /// <summary>May the unit write now in this period, and if not, why (see <see cref="UnitWriteAccess"/>).</summary>
    public UnitWriteAccess WriteAccess(ReportingPeriod period, DateOnly today) =>
        UnitWriteAccess.Of(Status, IsLocked, ReopenedUntil, period.IsLocked, period.UnitDeadline, today);

    /// <summary>The same for a unit that may have no submission yet (one not started is writable like a draft).</summary>
    public static UnitWriteAccess WriteAccessOf(Submission? submission, ReportingPeriod period, DateOnly today) =>
        submission?.WriteAccess(period, today)
        ?? UnitWriteAccess.Of(SubmissionStatus.NotStarted, false, null, period.IsLocked, period.UnitDeadline, today);

    public IndicatorValue? ValueOf(int indicatorId) => _values.FirstOrDefault(v => v.IndicatorId == indicatorId);

    /// <summary>
    /// Stores one figure and returns the audit entry of the change, or null when nothing changed.
    /// </summary>
    public AuditEntry? SetValue(
        Indicator indicator, decimal? number, string? text, string user, DateTimeOffset at,
        string? reason = null, bool prefilled = false)
    {
        EnsureEditable();
        if (indicator.IsComputed) throw new DomainException($"Chỉ tiêu {indicator.Code} được tính tự động, không nhập.");
        if (indicator.UnitId != UnitId) throw new DomainException($"Chỉ tiêu {indicator.Code} không thuộc đơn vị này.");
        var value = ValueOf(indicator.Id);
        var old = value?.AuditText;
        var oldPrefilled = value?.IsPrefilled ?? false;
        if (value is null ? number is null && text is null : value.Number == number && value.Text == text && oldPrefilled == prefilled)
            return null;
        if (WasEverSubmitted && string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Phiếu đã từng được gửi: cần ghi lý do khi thay đổi số liệu.");
        if (value is null)
        {
            value = IndicatorValue.Create(this, indicator.Id);
            _values.Add(value);
        }

        value.Set(number, text, prefilled, user, at);
        MarkEdited(user, at);
        return old == value.AuditText
            ? null
            : AuditEntry.Record(at, user, AuditActions.ValueChanged, PeriodId, UnitId, indicator.Code, old, value.AuditText, reason);
    }

    public AuditEntry? SetNarrative(string sectionKey, string? text, string user, DateTimeOffset at)
    {
        EnsureEditable();
        var clean = (text ?? "").Replace("\r\n", "\n").Trim();
        if (clean.Length > MaxNarrativeLength)
            throw new DomainException($"Nội dung quá dài (tối đa {MaxNarrativeLength} ký tự).");
        var narrative = _narratives.FirstOrDefault(n => n.SectionKey == sectionKey);
        var old = narrative?.Text;
        if ((old ?? "") == clean) return null;
        if (narrative is null)
        {
            narrative = Narrative.Create(sectionKey, clean);
            _narratives.Add(narrative);
        }
        else
        {
            narrative.Update(clean);
        }
        MarkEdited(user, at);
        return AuditEntry.Record(at, user, AuditActions.NarrativeChanged, PeriodId, UnitId, sectionKey, old, clean);
    }

    /// <summary>Keeps the unit's explanations (giải trình) of violated rules; blank text removes one.</summary>
    public void SaveExplanations(IReadOnlyDictionary<string, string?> explanations, string user, DateTimeOffset at)
    {
        EnsureEditable();
        var changed = false;
        foreach (var (rule, text) in explanations)
        {
            var clean = text?.Replace("\r\n", "\n").Trim() ?? "";
            if (clean.Length > MaxCommentLength) throw new DomainException($"Giải trình quá dài (tối đa {MaxCommentLength} ký tự).");
            var existing = _explanations.FirstOrDefault(e => e.RuleCode == rule);
            if (clean.Length == 0)
            {
                if (existing is null) continue;
                _explanations.Remove(existing);
            }
            else if (existing is null)
            {
                _explanations.Add(Explanation.Create(rule, clean));
            }
            else if (existing.Text != clean)
            {
                existing.Update(clean);
            }
            else
            {
                continue;
            }
            changed = true;
        }
        if (changed) MarkEdited(user, at);
    }

    /// <summary>An admin lets the unit edit again until a day, after the deadline or a lock (recorded by the caller).</summary>
    public AuditEntry Reopen(DateOnly until, string user, DateTimeOffset at, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Cần ghi lý do mở lại.");
        ReopenedUntil = until;
        IsLocked = false;
        if (Status is SubmissionStatus.Submitted or SubmissionStatus.Accepted) Status = SubmissionStatus.Returned;
        ReturnComment ??= reason.Trim();
        Touch(user, at);
        return AuditEntry.Record(at, user, AuditActions.Reopened, PeriodId, UnitId, newValue: until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reason: reason.Trim());
    }

    /// <summary>An admin closes this unit's sheet in the period (recorded by the caller); a reopen lifts it.</summary>
    public AuditEntry Lock(string user, DateTimeOffset at, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Cần ghi lý do khóa.");
        if (IsLocked) throw new DomainException("Phiếu của đơn vị đã bị khóa.");
        IsLocked = true;
        ReopenedUntil = null;
        Touch(user, at);
        return AuditEntry.Record(at, user, AuditActions.SubmissionLocked, PeriodId, UnitId, reason: reason.Trim());
    }

    /// <summary>
    /// Gửi: every required figure present and every violated error rule explained; then read-only for the unit.
    /// </summary>
    public AuditEntry Submit(
        IEnumerable<Indicator> requiredIndicators, IEnumerable<Violation> violations,
        IReadOnlyDictionary<string, string> explanations, string user, DateTimeOffset at)
    {
        EnsureEditable();
        var missing = requiredIndicators.Where(i => i.IsRequired && (ValueOf(i.Id)?.IsBlank ?? true)).Select(i => i.Code).ToList();
        if (missing.Count > 0)
            throw new DomainException($"Còn thiếu {missing.Count} chỉ tiêu bắt buộc: {string.Join(", ", missing)}.");

        var unexplained = violations
            .Where(v => v.Severity == Severity.Error)
            .Where(v => (!explanations.TryGetValue(v.RuleCode, out var e) || string.IsNullOrWhiteSpace(e))
                && _explanations.All(x => x.RuleCode != v.RuleCode))
            .Select(v => v.RuleCode)
            .ToList();
        if (unexplained.Count > 0)
            throw new DomainException($"Cần giải trình {unexplained.Count} quy tắc chưa thỏa mãn: {string.Join(", ", unexplained)}.");

        var violated = violations.Select(v => v.RuleCode).ToHashSet(StringComparer.Ordinal);
        _explanations.RemoveAll(e => !violated.Contains(e.RuleCode)); // an explanation of a rule that now holds is stale
        foreach (var (rule, text) in explanations)
        {
            if (string.IsNullOrWhiteSpace(text) || !violated.Contains(rule)) continue;
            var clean = text.Trim();
            if (clean.Length > MaxCommentLength) throw new DomainException($"Giải trình quá dài (tối đa {MaxCommentLength} ký tự).");
            var existing = _explanations.FirstOrDefault(e => e.RuleCode == rule);
            if (existing is null) _explanations.Add(Explanation.Create(rule, clean));
            else existing.Update(clean);
        }

        Status = SubmissionStatus.Submitted;
        WasEverSubmitted = true;
        SubmittedAt = at;
        SubmittedBy = user;
        ReturnComment = null;
        Touch(user, at);
        return AuditEntry.Record(at, user, AuditActions.Submitted, PeriodId, UnitId);
    }

    public AuditEntry Accept(string user, DateTimeOffset at)
    {
        if (Status != SubmissionStatus.Submitted)
            throw new DomainException("Chỉ tiếp nhận được phiếu đã gửi.");
        Status = SubmissionStatus.Accepted;
        ReviewedAt = at;
        ReviewedBy = user;
        Touch(user, at);
        return AuditEntry.Record(at, user, AuditActions.Accepted, PeriodId, UnitId);
    }

    public AuditEntry Return(string user, DateTimeOffset at, string comment)
    {
        if (Status is not (SubmissionStatus.Submitted or SubmissionStatus.Accepted))
            throw new DomainException("Chỉ trả lại được phiếu đã gửi hoặc đã tiếp nhận.");
        if (string.IsNullOrWhiteSpace(comment)) throw new DomainException("Cần ghi ý kiến khi trả lại.");
        if (comment.Length > MaxCommentLength) throw new DomainException($"Ý kiến quá dài (tối đa {MaxCommentLength} ký tự).");
        Status = SubmissionStatus.Returned;
        ReturnComment = comment.Trim();
        ReviewedAt = at;
        ReviewedBy = user;
        Touch(user, at);
        return AuditEntry.Record(at, user, AuditActions.Returned, PeriodId, UnitId, reason: ReturnComment);
    }

    private void EnsureEditable()
    {
        if (IsLocked) throw new DomainException("Phiếu của đơn vị đã bị quản trị khóa, không thể sửa.");
        if (!IsEditableByUnit) throw new DomainException("Phiếu đã gửi hoặc đã được tiếp nhận, không thể sửa.");
    }

    private void MarkEdited(string user, DateTimeOffset at)
    {
        if (Status is SubmissionStatus.NotStarted or SubmissionStatus.Returned) Status = SubmissionStatus.Draft;
        Touch(user, at);
    }

    private void Touch(string user, DateTimeOffset at)
    {
        LastChangedAt = at;
        LastChangedBy = user;
        Version = Guid.NewGuid();
    }
}
