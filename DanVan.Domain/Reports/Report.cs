using DanVan.Domain.Common;

namespace DanVan.Domain.Reports;

/// <summary>
/// Báo cáo: one compiled document for one period (Dự thảo → Trình duyệt → [Đã duyệt, chờ ký →] Đã ban hành, and
/// Thu hồi). Once approved it is frozen: its snapshot and approved PDF bytes never change; signed revisions are kept
/// beside it (ReportRevision). A revoked report stays with its files; a new draft replaces it.
/// </summary>
public class Report
{
    public const int MaxNumberLength = 64;
    public const int MaxPlaceLength = 128;
    public const int MaxAgencyLength = 256;
    public const int MaxRequestReferenceLength = 1000;
    public const int MaxRecipientsTextLength = 4000;
    public const int MaxRecipients = 40;
    public const int MaxRecipientLength = 300;
    public const int MaxSignerLength = 256;
    public const int MaxCommentLength = 4000;
    public const int MaxUserLength = 256;
    public const int MaxReasonLength = 1000;
    public const int MaxSendReasonsLength = 20_000;

    private readonly List<ReportSectionText> _sectionTexts = [];

    private Report()
    {
        Number = "";
        Place = "";
        ParentAgency = "";
        Agency = "";
        RequestReference = "";
        RecipientsText = "";
        SignerTitle = "";
        SignerName = "";
    }

    public int Id { get; private set; }
    public int PeriodId { get; private set; }
    public ReportState State { get; private set; }
    public string Number { get; private set; }
    public string Place { get; private set; }
    public DateOnly? Date { get; private set; }
    public string ParentAgency { get; private set; }
    public string Agency { get; private set; }
    public string RequestReference { get; private set; }

    /// <summary>Nơi nhận, one line each.</summary>
    public string RecipientsText { get; private set; }

    public SignerAuthority SignerAuthority { get; private set; }
    public string SignerTitle { get; private set; }
    public string? DeputyTitle { get; private set; }
    public string SignerName { get; private set; }
    public string? ReviewComment { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }
    public string? IssuedBy { get; private set; }
    public string? SnapshotJson { get; private set; }
    public byte[]? PdfBytes { get; private set; }
    public string? PdfSha256 { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? ApprovedBy { get; private set; }

    /// <summary>Why the compiler sent the report with units not accepted: one "UNITCODE\treason" a line.</summary>
    public string? SendReasonsText { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public string? RevokeReason { get; private set; }
    public Guid Version { get; private set; }

    /// <summary>Approved: the snapshot and the approved PDF are frozen (awaiting signatures, issued or revoked).</summary>
    public bool IsFrozen => State is ReportState.AwaitingSignature or ReportState.Issued or ReportState.Revoked && SnapshotJson is not null;

    /// <summary>The compiler's reasons by unit code.</summary>
    public IReadOnlyDictionary<string, string> SendReasons =>
        (SendReasonsText ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<ReportSectionText> SectionTexts => _sectionTexts;

    public IReadOnlyList<string> Recipients =>
        RecipientsText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public ReportMetadata Metadata => new(
        Number, Place, Date, ParentAgency, Agency, RequestReference, Recipients,
        SignerAuthority, SignerTitle, DeputyTitle, SignerName);

    public static Report Start(int periodId, ReportMetadata metadata)
    {
        var report = new Report { PeriodId = periodId, State = ReportState.Draft, Version = Guid.NewGuid() };
        report.Apply(metadata);
        return report;
    }

    public void UpdateMetadata(ReportMetadata metadata)
    {
        EnsureDraft();
        Apply(metadata);
        Version = Guid.NewGuid();
    }

    /// <param name="inherited">
    /// What the section shows without the compiler's text (the unit's narrative, else the template's): saving it
    /// unchanged is not an override, so later changes of the unit's text keep flowing into the report.
    /// </param>
    public void SetSectionText(string sectionKey, string? text, string? inherited = null)
    {
        EnsureDraft();
        var clean = text?.Replace("\r\n", "\n").Trim();
        var existing = _sectionTexts.FirstOrDefault(t => t.SectionKey == sectionKey);
        if (existing is null && clean == inherited?.Replace("\r\n", "\n").Trim()) clean = null;
        if (string.IsNullOrEmpty(clean))
        {
            if (existing is not null) _sectionTexts.Remove(existing);
        }
        else if (existing is null)
        {
            _sectionTexts.Add(ReportSectionText.Create(sectionKey, clean));
        }
        else
        {
            existing.Update(clean);
        }
        Version = Guid.NewGuid();
    }

    public string? SectionText(string sectionKey) => _sectionTexts.FirstOrDefault(t => t.SectionKey == sectionKey)?.Text;

    /// <param name="reasons">The compiler's reason for each participating unit whose sheet is not accepted.</param>
    public void SubmitForApproval(IReadOnlyDictionary<string, string>? reasons = null)
    {
        EnsureDraft();
        var lines = (reasons ?? new Dictionary<string, string>())
            .Select(r => (Code: r.Key.Trim(), Reason: Line(r.Value)))
            .Where(r => r.Code.Length > 0 && r.Reason.Length > 0)
            .Select(r => r.Code + "\t" + r.Reason).ToList();
        var text = string.Join('\n', lines);
        if (text.Length > MaxSendReasonsLength) throw new DomainException("Lý do quá dài.");
        SendReasonsText = text.Length == 0 ? null : text;
        State = ReportState.PendingApproval;
        ReviewComment = null;
        Version = Guid.NewGuid();
    }

    /// <summary>Rút lại: the compiler takes back a report that waits for approval.</summary>
    public void Withdraw()
    {
        if (State != ReportState.PendingApproval) throw new DomainException("Chỉ rút lại được báo cáo đang trình duyệt.");
        State = ReportState.Draft;
        Version = Guid.NewGuid();
    }

    public void Reject(string comment)
    {
        if (State != ReportState.PendingApproval) throw new DomainException("Chỉ trả lại được báo cáo đang trình duyệt.");
        if (string.IsNullOrWhiteSpace(comment)) throw new DomainException("Cần ghi ý kiến khi trả lại.");
        State = ReportState.Draft;
        ReviewComment = comment.Trim();
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Duyệt: freezes the snapshot and the PDF. Without signatures to collect the report is issued at once;
    /// otherwise it waits for them (Đã duyệt, chờ ký).
    /// </summary>
    public void Approve(string snapshotJson, byte[] pdfBytes, string pdfSha256, string user, DateTimeOffset at, bool signaturesRequired)
    {
        if (State != ReportState.PendingApproval) throw new DomainException("Chỉ duyệt được báo cáo đang trình duyệt.");
        SnapshotJson = snapshotJson;
        PdfBytes = pdfBytes;
        PdfSha256 = pdfSha256;
        ApprovedAt = at;
        ApprovedBy = user;
        State = ReportState.AwaitingSignature;
        if (!signaturesRequired) Issue(user, at);
        Version = Guid.NewGuid();
    }

    /// <summary>Ban hành: the last required signature is in (or none was required).</summary>
    public void Issue(string user, DateTimeOffset at)
    {
        if (State != ReportState.AwaitingSignature) throw new DomainException("Chỉ ban hành được báo cáo đã duyệt.");
        IssuedAt = at;
        IssuedBy = user;
        State = ReportState.Issued;
        Version = Guid.NewGuid();
    }

    /// <summary>Thu hồi: an approved or issued report is withdrawn from use, with its files kept.</summary>
    public void Revoke(string reason, string user, DateTimeOffset at)
    {
        if (State is not (ReportState.Issued or ReportState.AwaitingSignature)) throw new DomainException("Chỉ thu hồi được báo cáo đã duyệt hoặc đã ban hành.");
        var clean = Line(reason);
        if (clean.Length == 0) throw new DomainException("Cần ghi lý do thu hồi.");
        if (clean.Length > MaxReasonLength) throw new DomainException($"Lý do thu hồi tối đa {MaxReasonLength} ký tự.");
        State = ReportState.Revoked;
        RevokedAt = at;
        RevokedBy = user;
        RevokeReason = clean;
        Version = Guid.NewGuid();
    }

    /// <summary>The new draft that replaces a revoked report: same metadata and texts, nothing frozen.</summary>
    public Report Redraft()
    {
        if (State != ReportState.Revoked) throw new DomainException("Chỉ lập lại dự thảo cho báo cáo đã thu hồi.");
        var draft = Start(PeriodId, Metadata);
        foreach (var t in _sectionTexts) draft._sectionTexts.Add(ReportSectionText.Create(t.SectionKey, t.Text));
        return draft;
    }

    private static string Line(string? text) =>
        string.Join(' ', (text ?? "").Normalize(System.Text.NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private void Apply(ReportMetadata m)
    {
        Number = m.Number.Trim();
        Place = m.Place.Trim();
        Date = m.Date;
        ParentAgency = m.ParentAgency.Trim();
        Agency = m.Agency.Trim();
        RequestReference = m.RequestReference.Trim();
        RecipientsText = string.Join('\n', m.Recipients.Select(r => r.Trim()).Where(r => r.Length > 0));
        SignerAuthority = m.SignerAuthority;
        SignerTitle = m.SignerTitle.Trim();
        DeputyTitle = string.IsNullOrWhiteSpace(m.DeputyTitle) ? null : m.DeputyTitle.Trim();
        SignerName = m.SignerName.Trim();
    }

    private void EnsureDraft()
    {
        if (State != ReportState.Draft) throw new DomainException("Báo cáo không ở trạng thái dự thảo, không thể sửa.");
    }
}

/// <summary>The compiler's text for a section of one report (overrides the template text or the unit's narrative).</summary>
public class ReportSectionText
{
    public const int MaxTextLength = 100_000;

    private ReportSectionText()
    {
        SectionKey = "";
        Text = "";
    }

    public int Id { get; private set; }
    public int ReportId { get; private set; }
    public string SectionKey { get; private set; }
    public string Text { get; private set; }

    internal static ReportSectionText Create(string key, string text) => new() { SectionKey = key, Text = text };

    internal void Update(string text) => Text = text;
}
