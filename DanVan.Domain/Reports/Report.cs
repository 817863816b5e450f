using DanVan.Domain.Common;

namespace DanVan.Domain.Reports;

/// <summary>
/// Báo cáo: one compiled document for one period (Dự thảo → Trình duyệt → Đã ban hành). Once issued it is frozen:
/// its snapshot and PDF bytes never change.
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
    public Guid Version { get; private set; }

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

    public void SubmitForApproval()
    {
        EnsureDraft();
        State = ReportState.PendingApproval;
        ReviewComment = null;
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

    public void Issue(string snapshotJson, byte[] pdfBytes, string pdfSha256, string user, DateTimeOffset at)
    {
        if (State != ReportState.PendingApproval) throw new DomainException("Chỉ ban hành được báo cáo đang trình duyệt.");
        SnapshotJson = snapshotJson;
        PdfBytes = pdfBytes;
        PdfSha256 = pdfSha256;
        IssuedAt = at;
        IssuedBy = user;
        State = ReportState.Issued;
        Version = Guid.NewGuid();
    }

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
