using System.Text.Json;
using DanVan.Data;
using DanVan.Domain.Common;
using DanVan.Domain.Expressions;
using DanVan.Domain.Formatting;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Domain.Reports;
using DanVan.Domain.Reports.Document;
using DanVan.Domain.Submissions;
using DanVan.Web.Features.Figures;
using DanVan.Web.Features.ReportSigning;
using DanVan.Web.Infrastructure;
using DanVan.Web.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Services.Reports;

/// <summary>
/// The report of one period: load its inputs, build the one document, lint it, edit it, export it, and move it
/// (its moves are <see cref="Features.ReportWorkflow.ReportWorkflowService"/>). An approved report is served from its
/// snapshot and stored PDF.
/// </summary>
public sealed class ReportService(DanVanDbContext db, CurrentUser currentUser, ReportRenderer renderer, ReportSigningService signing)
{

    internal sealed record Loaded(ReportingPeriod Period, Report? Report, DocumentInputs Inputs, IReadOnlyDictionary<string, string> UnitOfCode);

    public bool CanRead => currentUser.CanReadReports;
    public bool CanIssue => currentUser.IsInRole(Roles.Clerk);
    public bool CanEdit => currentUser.IsInRole(Roles.Compiler);
    public bool CanApprove => currentUser.IsInRole(Roles.Leader);

    /// <summary>The report being compiled now: the newest real period whose report is not issued yet, else the newest.</summary>
    public async Task<string?> CurrentPeriodCodeAsync(CancellationToken ct)
    {
        var periods = await db.Periods.AsNoTracking()
            .Where(p => !p.IsIllustrative)
            .Select(p => new { p.Code, p.CutoffTo, Issued = db.Reports.Any(r => r.PeriodId == p.Id && r.State == ReportState.Issued) })
            .ToListAsync(ct);
        var newestFirst = periods.OrderByDescending(p => p.CutoffTo).ToList();
        return (newestFirst.FirstOrDefault(p => !p.Issued) ?? newestFirst.FirstOrDefault())?.Code;
    }

    public async Task<ReportView?> ViewAsync(string periodCode, CancellationToken ct)
    {
        var loaded = await LoadAsync(periodCode, ct);
        if (loaded is null) return null;
        var (period, report, inputs, _) = loaded;
        var document = DocumentBuilder.Build(inputs);
        var lint = ReportLint.Check(inputs, document);
        var labels = ReportLint.SectionLabels(inputs.Template);
        var unitNames = inputs.UnitNames;
        var sections = inputs.Template.Outline().Select(o =>
        {
            var s = o.Section;
            var compiler = inputs.CompilerTexts.GetValueOrDefault(s.Key);
            var narrative = inputs.Narratives.GetValueOrDefault(s.Key);
            var source = !string.IsNullOrWhiteSpace(compiler) ? "compiler" : !string.IsNullOrWhiteSpace(narrative) ? "unit" : s.DefaultText is null ? "none" : "template";
            return new SectionView(s.Key, labels.GetValueOrDefault(s.Key, ""), s.Title, o.Depth,
                s.WriterUnitId is { } w ? unitNames.GetValueOrDefault(w) : null, compiler, narrative, s.DefaultText, source);
        }).ToList();

        var changes = new List<FigureChange>();
        if (report is { IsFrozen: true, SnapshotJson: not null })
        {
            var issued = Deserialize(report.SnapshotJson);
            var current = document.Figures.ToDictionary(f => f.Code, f => f.Formatted);
            foreach (var figure in issued.Figures)
            {
                var now = current.GetValueOrDefault(figure.Code, VietnameseFormat.Missing);
                if (now != figure.Formatted) changes.Add(new FigureChange(figure.Code, figure.Name, figure.Formatted, now));
            }
        }
        var previous = await PreviousReportPeriodAsync(period, ct);
        var readiness = ReportReadiness.Of(lint, await StandingsAsync(period.Id, ct));
        var revoked = await db.Reports.AsNoTracking().Where(r => r.PeriodId == period.Id && r.State == ReportState.Revoked)
            .OrderBy(r => r.Id).Select(r => new RevokedReport(r.Number, r.ApprovedAt, r.RevokedAt!.Value, r.RevokedBy!, r.RevokeReason!, r.PdfSha256)).ToListAsync(ct);
        return new ReportView(period.Code, period.Name, report?.State ?? ReportState.Draft, report is not null, inputs.Metadata,
            report?.ReviewComment, report?.IssuedAt, report?.IssuedBy, report?.PdfSha256, lint, document.MissingCodes, sections, changes,
            ReportLint.SendWindow(period), previous?.Code)
        {
            Readiness = readiness,
            SendReasons = report?.SendReasons ?? new Dictionary<string, string>(),
            ApprovedAt = report?.ApprovedAt,
            ApprovedBy = report?.ApprovedBy,
            Revoked = revoked,
            Revisions = report is null ? [] : await signing.RevisionsAsync(report.Id, ct),
            NextSignature = report is null ? null : await signing.NextStepAsync(report, ct),
            Requirement = signing.Requirement,
        };
    }

    /// <summary>The document: the frozen snapshot once issued, otherwise built from today's values.</summary>
    public async Task<ReportDocument?> DocumentAsync(string periodCode, CancellationToken ct)
    {
        var loaded = await LoadAsync(periodCode, ct);
        if (loaded is null) return null;
        return loaded.Report is { IsFrozen: true, SnapshotJson: { } json } ? Deserialize(json) : DocumentBuilder.Build(loaded.Inputs);
    }

    public async Task<ReportFile?> ExportAsync(string periodCode, string format, CancellationToken ct)
    {
        var loaded = await LoadAsync(periodCode, ct);
        if (loaded is null) return null;
        var frozen = loaded.Report is { IsFrozen: true, SnapshotJson: not null };
        var document = frozen ? Deserialize(loaded.Report!.SnapshotJson!) : DocumentBuilder.Build(loaded.Inputs);
        return format switch
        {
            "pdf" => new ReportFile(frozen ? await ServedPdfAsync(loaded.Report!, ct) : renderer.Pdf(document, draft: true), ReportRenderer.PdfContentType, ReportRenderer.FileName(document, "pdf")),
            "docx" => new ReportFile(renderer.Docx(document, draft: !frozen), ReportRenderer.DocxContentType, ReportRenderer.FileName(document, "docx")),
            "xlsx" => new ReportFile(renderer.Xlsx(document), ReportRenderer.XlsxContentType, ReportRenderer.FileName(document, "xlsx").Replace("BC-", "PL-", StringComparison.Ordinal)),
            "html" => new ReportFile(System.Text.Encoding.UTF8.GetBytes(await HtmlOfAsync(loaded, document, frozen, ct)), ReportRenderer.HtmlContentType, ReportRenderer.FileName(document, "html")),
            _ => null,
        };
    }

    public async Task<ReportResult> UpdateAsync(string periodCode, ReportUpdate update, CancellationToken ct)
    {
        if (!CanEdit) return ReportResult.Forbidden;
        var loaded = await LoadAsync(periodCode, ct);
        if (loaded is null) return ReportResult.NotFound;
        var errors = Validate(update, loaded.Inputs.Template);
        if (errors.Count > 0) return ReportResult.Invalid(errors);

        var report = await TrackedReportAsync(loaded, ct);
        if (report.State != ReportState.Draft) return ReportResult.Conflict("Báo cáo đã trình duyệt hoặc đã ban hành, không thể sửa.");
        try
        {
            if (update.Metadata is not null) report.UpdateMetadata(Clean(update.Metadata));
            foreach (var (key, text) in update.Sections ?? new Dictionary<string, string?>())
                report.SetSectionText(key, text?.Normalize(System.Text.NormalizationForm.FormC), Inherited(loaded.Inputs, key));
            await db.SaveChangesAsync(ct);
            return ReportResult.Ok;
        }
        catch (DomainException ex)
        {
            return ReportResult.Conflict(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReportResult.Conflict("Báo cáo vừa được người khác cập nhật. Vui lòng tải lại.");
        }
    }

    private static string? Inherited(DocumentInputs inputs, string key) =>
        inputs.Narratives.GetValueOrDefault(key) ?? inputs.Template.Sections.FirstOrDefault(s => s.Key == key)?.DefaultText;

    /// <summary>Starts empty compiler sections from the previous report's text (nothing already written is replaced).</summary>
    public async Task<ReportResult> CopyFromPreviousAsync(string periodCode, CancellationToken ct)
    {
        if (!CanEdit) return ReportResult.Forbidden;
        var loaded = await LoadAsync(periodCode, ct);
        if (loaded is null) return ReportResult.NotFound;
        var previousPeriod = await PreviousReportPeriodAsync(loaded.Period, ct);
        if (previousPeriod is null) return ReportResult.Conflict("Chưa có báo cáo kỳ trước để sao chép.");
        var previous = await db.Reports.AsNoTracking().Include(r => r.SectionTexts).OrderByDescending(r => r.Id).FirstAsync(r => r.PeriodId == previousPeriod.Id, ct);
        var report = await TrackedReportAsync(loaded, ct);
        if (report.State != ReportState.Draft) return ReportResult.Conflict("Báo cáo không ở trạng thái dự thảo.");
        var keys = loaded.Inputs.Template.Sections.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var text in previous.SectionTexts.Where(t => keys.Contains(t.SectionKey) && report.SectionText(t.SectionKey) is null))
            report.SetSectionText(text.SectionKey, text.Text);
        await db.SaveChangesAsync(ct);
        return ReportResult.Ok;
    }

    public Func<string, string?> FigureLinkFor(string periodCode, IReadOnlyDictionary<string, string> unitOfCode) =>
        code => unitOfCode.TryGetValue(code, out var unit) ? $"/entry/{periodCode}/{unit}/history/{code}" : null;

    private Func<string, string?> FigureLink(Loaded loaded) => FigureLinkFor(loaded.Period.Code, loaded.UnitOfCode);

    public async Task<string?> HtmlAsync(string periodCode, CancellationToken ct)
    {
        var loaded = await LoadAsync(periodCode, ct);
        if (loaded is null) return null;
        var frozen = loaded.Report is { IsFrozen: true, SnapshotJson: not null };
        var document = frozen ? Deserialize(loaded.Report!.SnapshotJson!) : DocumentBuilder.Build(loaded.Inputs);
        return await HtmlOfAsync(loaded, document, frozen, ct);
    }

    /// <summary>A report not approved yet is marked “DỰ THẢO”, and its figures from sheets not accepted are marked.</summary>
    private async Task<string> HtmlOfAsync(Loaded loaded, ReportDocument document, bool frozen, CancellationToken ct)
    {
        if (frozen) return renderer.Html(document, FigureLink(loaded));
        var unaccepted = (await StandingsAsync(loaded.Period.Id, ct)).Where(u => !u.IsAccepted).Select(u => u.UnitCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return renderer.Html(document, FigureLink(loaded), draft: true,
            code => loaded.UnitOfCode.TryGetValue(code, out var unit) && unaccepted.Contains(unit));
    }

    /// <summary>The participating units of a period and the state of each one's sheet, in unit order.</summary>
    internal async Task<List<UnitStanding>> StandingsAsync(int periodId, CancellationToken ct)
    {
        var rows = await (from p in db.PeriodParticipants.AsNoTracking()
                          where p.PeriodId == periodId
                          join u in db.Units.AsNoTracking() on p.UnitId equals u.Id
                          orderby u.SortOrder, u.Code
                          select new
                          {
                              u.Code, u.Name,
                              Status = db.Submissions.Where(s => s.PeriodId == periodId && s.UnitId == u.Id).Select(s => (SubmissionStatus?)s.Status).FirstOrDefault(),
                          }).ToListAsync(ct);
        return rows.Select(r => new UnitStanding(r.Code, r.Name, r.Status ?? SubmissionStatus.NotStarted)).ToList();
    }

    /// <summary>The file report.pdf serves once approved: the newest signed revision byte for byte, else the approved PDF.</summary>
    private async Task<byte[]> ServedPdfAsync(Report report, CancellationToken ct) =>
        await db.ReportRevisions.AsNoTracking().Where(r => r.ReportId == report.Id).OrderByDescending(r => r.Id).Select(r => r.Bytes).FirstOrDefaultAsync(ct)
        ?? report.PdfBytes!;

    private static ReportDocument Deserialize(string json) => Features.Reports.ReportSnapshot.Deserialize(json);

    internal async Task<Report> TrackedReportAsync(Loaded loaded, CancellationToken ct)
    {
        var report = await db.Reports.Include(r => r.SectionTexts).SingleOrDefaultAsync(r => r.PeriodId == loaded.Period.Id && r.State != ReportState.Revoked, ct);
        if (report is not null) return report;
        report = Report.Start(loaded.Period.Id, loaded.Inputs.Metadata);
        db.Reports.Add(report);
        return report;
    }

    private async Task<ReportingPeriod?> PreviousReportPeriodAsync(ReportingPeriod period, CancellationToken ct) =>
        await (from p in db.Periods.AsNoTracking()
               join r in db.Reports.AsNoTracking() on p.Id equals r.PeriodId
               where p.CutoffTo < period.CutoffFrom && p.Kind == period.Kind
               orderby p.CutoffTo descending
               select p).FirstOrDefaultAsync(ct)
        ?? await (from p in db.Periods.AsNoTracking()
                  join r in db.Reports.AsNoTracking() on p.Id equals r.PeriodId
                  where p.CutoffTo < period.CutoffTo && p.Id != period.Id
                  orderby p.CutoffTo descending
                  select p).FirstOrDefaultAsync(ct);

    internal async Task<Loaded?> LoadAsync(string periodCode, CancellationToken ct)
    {
        if (!CanRead) return null;
        if (!PeriodCode.TryParse(periodCode, out var code)) return null;
        var normalized = code.ToString();
        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Code == normalized, ct);
        if (period is null) return null;

        var template = await db.Templates.AsNoTracking().Include(t => t.Sections).Include(t => t.AppendixRows).AsSplitQuery()
            .SingleAsync(t => t.Id == period.TemplateId, ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.TemplateId == template.Id).OrderBy(i => i.SortOrder).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var figures = await PeriodFigures.LoadAsync(db, period, ct, indicators);

        var writerSections = template.Sections.Where(s => s.WriterUnitId is not null).ToList();
        var narrativeRows = await (from n in db.Narratives.AsNoTracking()
                                   join s in db.Submissions.AsNoTracking() on n.SubmissionId equals s.Id
                                   where s.PeriodId == period.Id
                                   select new { s.UnitId, n.SectionKey, n.Text }).ToListAsync(ct);
        var narratives = writerSections
            .Select(s => (s.Key, Text: narrativeRows.FirstOrDefault(n => n.SectionKey == s.Key && n.UnitId == s.WriterUnitId)?.Text))
            .Where(x => !string.IsNullOrWhiteSpace(x.Text))
            .ToDictionary(x => x.Key, x => x.Text!);

        var report = await db.Reports.AsNoTracking().Include(r => r.SectionTexts).SingleOrDefaultAsync(r => r.PeriodId == period.Id && r.State != ReportState.Revoked, ct);
        var metadata = report?.Metadata ?? await DefaultMetadataAsync(period, units, ct);
        var explanations = await ExplanationsAsync(period, units, ct);

        var inputs = new DocumentInputs
        {
            Template = template,
            Period = period,
            Metadata = metadata,
            Indicators = indicators,
            Values = figures.Entered,
            Narratives = narratives,
            CompilerTexts = report?.SectionTexts.ToDictionary(t => t.SectionKey, t => t.Text) ?? new Dictionary<string, string>(),
            UnitNames = units.ToDictionary(u => u.Id, u => u.Name),
            Previous = figures.PreviousValues,
            Explanations = explanations,
        };
        var unitCodes = units.ToDictionary(u => u.Id, u => u.Code);
        var unitOfCode = indicators.ToDictionary(i => i.Code, i => unitCodes[i.UnitId], StringComparer.OrdinalIgnoreCase);
        return new Loaded(period, report, inputs, unitOfCode);
    }

    /// <summary>The units' giải trình of the period, noted at the figures their rules check.</summary>
    private async Task<List<UnitExplanation>> ExplanationsAsync(ReportingPeriod period, List<Domain.Organization.Unit> units, CancellationToken ct)
    {
        var rows = await (from e in db.Explanations.AsNoTracking()
                          join s in db.Submissions.AsNoTracking() on e.SubmissionId equals s.Id
                          where s.PeriodId == period.Id
                          orderby s.UnitId, e.RuleCode
                          select new { s.UnitId, e.RuleCode, e.Text }).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var rules = await db.Rules.AsNoTracking().Where(r => r.TemplateId == period.TemplateId).ToDictionaryAsync(r => r.Code, ct);
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        return [.. rows.Where(e => rules.ContainsKey(e.RuleCode)).Select(e => UnitExplanation.Of(rules[e.RuleCode], names.GetValueOrDefault(e.UnitId, ""), e.Text))];
    }

    /// <summary>A new report starts from the previous report's metadata (less number and date) or from the agency.</summary>
    private async Task<ReportMetadata> DefaultMetadataAsync(ReportingPeriod period, List<Domain.Organization.Unit> units, CancellationToken ct)
    {
        var previousPeriod = await PreviousReportPeriodAsync(period, ct);
        if (previousPeriod is not null)
        {
            var previous = await db.Reports.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync(r => r.PeriodId == previousPeriod.Id, ct);
            return previous.Metadata with { Number = "", Date = null, RequestReference = "" };
        }
        var agency = units.FirstOrDefault(u => u.IsAgency);
        return ReportMetadata.Empty with
        {
            ParentAgency = agency?.ParentAgencyName ?? "",
            Agency = agency?.Name ?? "",
            Recipients = ["Lưu: VT."],
        };
    }

    private static ReportMetadata Clean(ReportMetadata m) => m with
    {
        Number = N(m.Number), Place = N(m.Place), ParentAgency = N(m.ParentAgency), Agency = N(m.Agency),
        RequestReference = N(m.RequestReference), SignerTitle = N(m.SignerTitle), SignerName = N(m.SignerName),
        DeputyTitle = m.DeputyTitle is null ? null : N(m.DeputyTitle),
        Recipients = m.Recipients.Select(N).Where(r => r.Length > 0).ToList(),
    };

    private static string N(string text) => text.Normalize(System.Text.NormalizationForm.FormC).Trim();

    private static Dictionary<string, string[]> Validate(ReportUpdate update, ReportTemplate template)
    {
        var errors = new Dictionary<string, string[]>();
        if (update.Metadata is { } m)
        {
            void Max(string field, string? value, int max)
            {
                if ((value?.Length ?? 0) > max) errors[field] = [$"Tối đa {max} ký tự."];
                else if (value?.Any(char.IsControl) == true) errors[field] = ["Có ký tự điều khiển không hợp lệ."];
            }
            Max("number", m.Number, Report.MaxNumberLength);
            Max("place", m.Place, Report.MaxPlaceLength);
            Max("parentAgency", m.ParentAgency, Report.MaxAgencyLength);
            Max("agency", m.Agency, Report.MaxAgencyLength);
            Max("requestReference", m.RequestReference, Report.MaxRequestReferenceLength);
            Max("signerTitle", m.SignerTitle, Report.MaxSignerLength);
            Max("deputyTitle", m.DeputyTitle, Report.MaxSignerLength);
            Max("signerName", m.SignerName, Report.MaxSignerLength);
            if (m.Number.Length > 0 && !m.Number.Contains('/')) errors["number"] = ["Số, ký hiệu có dạng 876/BC-VP."];
            if (m.Date is { } d && (d.Year < 2000 || d.Year > 2100)) errors["date"] = ["Ngày báo cáo không hợp lệ."];
            if (m.Recipients.Count > Report.MaxRecipients) errors["recipients"] = [$"Tối đa {Report.MaxRecipients} nơi nhận."];
            else if (m.Recipients.Any(r => r.Length > Report.MaxRecipientLength || r.Any(char.IsControl))) errors["recipients"] = [$"Mỗi nơi nhận tối đa {Report.MaxRecipientLength} ký tự, không xuống dòng."];
        }
        var keys = template.Sections.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, text) in update.Sections ?? new Dictionary<string, string?>())
        {
            if (!keys.Contains(key)) errors["sections." + (key.Length > 64 ? key[..64] : key)] = ["Mục không có trong đề cương."];
            else if ((text?.Length ?? 0) > ReportSectionText.MaxTextLength) errors["sections." + key] = [$"Tối đa {ReportSectionText.MaxTextLength} ký tự."];
        }
        return errors;
    }
}
