using DanVan.Data;
using DanVan.Domain.Auditing;
using DanVan.Domain.Common;
using DanVan.Domain.Formatting;
using DanVan.Domain.Indicators;
using DanVan.Domain.Organization;
using DanVan.Domain.Rules;
using DanVan.Domain.Submissions;
using DanVan.Web.Authorization;
using DanVan.Web.Infrastructure;
using DanVan.Web.Infrastructure.ServiceResults;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Services.Entry;

/// <summary>
/// The unit's daily work on one (period, unit) submission: read it, save a draft, send it. Pages and API share it.
/// Every write is one SaveChanges (one transaction) holding values and their audit entries together.
/// </summary>
public sealed class EntryService(
    DanVanDbContext db, CurrentUser currentUser, Access access, TimeProvider clock, ILogger<EntryService> logger,
    DanVan.Web.Features.Notifications.Notifier notifier)
{
    private const int MaxRetries = 10;

    private DateOnly Today => VietnamTime.Today(clock);

    public async Task<ServiceResult<EntrySheet>> GetAsync(string periodCode, string unitCode, CancellationToken ct)
    {
        var ctx = await SubmissionContext.LoadAsync(db, periodCode, unitCode, track: false, ct);
        if (ctx is null) return ServiceResult.NotFound;
        if (!await CanReadAsync(ctx, ct)) return ServiceResult.Forbidden;
        return ServiceResult<EntrySheet>.Ok(await BuildSheetAsync(ctx, null, null, ct));
    }

    /// <summary>
    /// The sheet for someone about to change it: Forbidden for readers who may not write, Refused (with the reason)
    /// when the submission cannot be changed now.
    /// </summary>
    public async Task<ServiceResult<EntrySheet>> GetForWriteAsync(string periodCode, string unitCode, CancellationToken ct)
    {
        var ctx = await SubmissionContext.LoadAsync(db, periodCode, unitCode, track: false, ct);
        if (ctx is null) return ServiceResult.NotFound;
        if (!await CanWriteAsync(ctx, ct)) return ServiceResult.Forbidden;
        return Answer(await BuildSheetAsync(ctx, null, null, ct), WriteRefusal(ctx));
    }

    /// <summary>
    /// What saving these values would do, without saving anything: each value parsed exactly as a save parses it
    /// (or its error), whether it changes the stored value, and the rules the resulting figures would break.
    /// </summary>
    public async Task<EntryCheck> CheckAsync(string periodCode, string unitCode, EntryInput input, CancellationToken ct)
    {
        var ctx = await SubmissionContext.LoadAsync(db, periodCode, unitCode, track: false, ct);
        if (ctx is null) return EntryCheck.NotFound;
        if (!await CanWriteAsync(ctx, ct)) return EntryCheck.Forbidden;
        var sheet = await BuildSheetAsync(ctx, null, null, ct);
        var refusal = WriteRefusal(ctx);
        if (refusal is not null)
            return new EntryCheck(ServiceStatus.Refused, sheet, refusal, new Dictionary<string, CheckedValue>(), sheet.Violations, []);

        var parsed = Parse(ctx, input, out var errors);
        var values = new Dictionary<string, CheckedValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in input.Values.Keys)
        {
            if (errors.TryGetValue(code, out var error)) values[code] = new CheckedValue(code, null, false, error);
        }
        var merged = ctx.StoredNumbers();
        foreach (var (indicator, number, text) in parsed)
        {
            var stored = ctx.Submission?.ValueOf(indicator.Id);
            var changes = stored?.Number != number || stored?.Text != text;
            values[indicator.Code] = new CheckedValue(indicator.Code, VietnameseNumberParser.ToInput(number, text, indicator.Kind), changes, null);
            merged[indicator.Code] = number;
        }
        var violations = ViolationViews(ctx, RuleEvaluator.Evaluate(ctx.Rules, ctx.ValueSource(merged)), null);
        var formErrors = errors.Where(e => e.Key == ReasonKey || e.Key.StartsWith(FormKey, StringComparison.Ordinal)).Select(FieldError.Of).ToList();
        return errors.Count > 0
            ? new EntryCheck(ServiceStatus.Invalid, sheet, "Số liệu chưa hợp lệ, chưa thể lưu.", values, violations, formErrors)
            : new EntryCheck(ServiceStatus.Ok, sheet, null, values, violations, formErrors);
    }

    public async Task<bool> CanWriteAsync(string periodCode, string unitCode, CancellationToken ct)
    {
        if (unitCode.Length > 32) return false;
        var code = unitCode.ToUpperInvariant();
        var unitId = await db.Units.AsNoTracking().Where(u => u.Code == code && !u.IsAgency).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
        return unitId is { } id && await access.CanAsync(Operations.Write, new UnitSheet(id));
    }

    public Task<ServiceResult<EntrySheet>> SaveAsync(string periodCode, string unitCode, EntryInput input, CancellationToken ct) =>
        WriteAsync(periodCode, unitCode, input, submit: false, ct);

    public Task<ServiceResult<EntrySheet>> SubmitAsync(string periodCode, string unitCode, EntryInput input, CancellationToken ct) =>
        WriteAsync(periodCode, unitCode, input, submit: true, ct);

    public async Task<ServiceResult<IReadOnlyList<HistoryEntry>>> HistoryAsync(string periodCode, string unitCode, string code, CancellationToken ct)
    {
        var ctx = await SubmissionContext.LoadAsync(db, periodCode, unitCode, track: false, ct);
        if (ctx is null) return ServiceResult.NotFound;
        if (!await CanReadAsync(ctx, ct)) return ServiceResult.Forbidden;
        var key = code.Trim().ToUpperInvariant();
        if (ctx.Indicators.All(i => i.Code != key) && ctx.Sections.All(s => s.Key != code)) return ServiceResult.NotFound;
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.PeriodId == ctx.Period.Id && a.UnitId == ctx.Unit.Id && (a.IndicatorCode == key || a.IndicatorCode == code))
            .OrderBy(a => a.Id)
            .Select(a => new HistoryEntry(a.At, a.UserName, a.Action, a.OldValue, a.NewValue, a.Reason))
            .ToListAsync(ct);
        return ServiceResult<IReadOnlyList<HistoryEntry>>.Ok(entries);
    }

    private async Task<ServiceResult<EntrySheet>> WriteAsync(string periodCode, string unitCode, EntryInput input, bool submit, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var ctx = await SubmissionContext.LoadAsync(db, periodCode, unitCode, track: true, ct);
            if (ctx is null) return ServiceResult.NotFound;
            if (!await CanWriteAsync(ctx, ct)) return ServiceResult.Forbidden;

            var result = await TryWriteAsync(ctx, input, submit, ct);
            if (result is not null) return result;

            // Someone saved in between. A caller that named no version only changes the codes it sent, so applying
            // them again on top of the other save loses nothing; one that named a version gets the conflict page.
            if (input.ExpectedVersion is not null || attempt >= MaxRetries)
            {
                db.ChangeTracker.Clear();
                var fresh = await SubmissionContext.LoadAsync(db, periodCode, unitCode, track: false, ct);
                return ServiceResult.Conflict("Phiếu vừa được người khác cập nhật. Vui lòng xem lại số liệu.")
                    .With(await BuildSheetAsync(fresh!, input, null, ct));
            }
            await Task.Delay(Random.Shared.Next(5, 50) * attempt, ct); // jitter so that racing writers stop colliding
        }
    }

    /// <summary>Null when the save lost a race and should be retried or reported as a conflict.</summary>
    private async Task<ServiceResult<EntrySheet>?> TryWriteAsync(SubmissionContext ctx, EntryInput input, bool submit, CancellationToken ct)
    {
        var refusal = WriteRefusal(ctx);
        if (refusal is not null) return ServiceResult.Refused(refusal).With(await BuildSheetAsync(ctx, input, null, ct));

        var parsed = Parse(ctx, input, out var errors);
        if (errors.Count > 0)
            return Invalid(await BuildSheetAsync(ctx, input, errors, ct), "Số liệu chưa hợp lệ, chưa lưu. Vui lòng sửa các ô được đánh dấu.");

        var stored = ctx.Submission;
        if (input.ExpectedVersion is { } expected && stored is not null && stored.Version != expected)
        {
            if (Differs(ctx, parsed, input))
            {
                return ServiceResult.Conflict("Phiếu đã được người khác cập nhật sau khi bạn mở. Số liệu của bạn chưa được lưu; hãy so sánh và nhập lại.")
                    .With(await BuildSheetAsync(ctx, input, null, ct));
            }
            if (!submit) return ServiceResult<EntrySheet>.Ok(await BuildSheetAsync(ctx, null, null, ct));
        }

        var user = currentUser.Name;
        var now = clock.GetUtcNow();
        var submission = ctx.EnsureSubmission(db);
        var audits = new List<AuditEntry>();
        var prefills = ctx.Prefills();
        try
        {
            foreach (var (indicator, number, text) in parsed)
            {
                var prefilled = submission.ValueOf(indicator.Id) is null && number is { } n
                    && prefills.TryGetValue(indicator.Code, out var p) && p == n;
                var audit = submission.SetValue(indicator, number, text, user, now, input.Reason, prefilled);
                if (audit is not null) audits.Add(audit);
            }
            foreach (var (key, text) in input.Narratives)
            {
                var audit = submission.SetNarrative(key, text, user, now);
                if (audit is not null) audits.Add(audit);
            }
            submission.SaveExplanations(input.Explanations, user, now);
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            var reload = await ctx.ReloadSubmissionAsync(db, track: false, ct);
            var formErrors = new Dictionary<string, string> { [ReasonKey] = ex.Message };
            return Invalid(await BuildSheetAsync(reload, input, formErrors, ct), ex.Message);
        }

        string? submitRefusal = null;
        if (submit)
        {
            var values = ctx.StoredNumbers();
            var violations = RuleEvaluator.Evaluate(ctx.Rules, ctx.ValueSource(values));
            try
            {
                audits.Add(submission.Submit(ctx.Entered, violations, new Dictionary<string, string>(), user, now));
                await notifier.SubmissionSentAsync(ctx.Period, new UnitRef(ctx.Unit.Id, ctx.Unit.Code, ctx.Unit.Name), ct);
            }
            catch (DomainException ex)
            {
                submitRefusal = "Chưa gửi được. " + ex.Message + " Số liệu đã được lưu nháp.";
            }
        }

        if (audits.Count == 0 && !db.ChangeTracker.HasChanges())
        {
            return Answer(await BuildSheetAsync(ctx, null, null, ct), submitRefusal);
        }

        db.AuditEntries.AddRange(audits);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            return null; // two first saves created the same submission: the loser retries on top of the winner
        }

        logger.LogInformation("{User} {Action} {Period}/{Unit}: {Changes} changes",
            user, submit && submitRefusal is null ? "submitted" : "saved", ctx.Period.Code, ctx.Unit.Code, audits.Count);
        db.ChangeTracker.Clear();
        // What is shown is what was stored: the submission is read back; the template part was just loaded.
        var saved = await ctx.ReloadSubmissionAsync(db, track: false, ct);
        return Answer(await BuildSheetAsync(saved, null, null, ct), submitRefusal);
    }

    private static ServiceResult<EntrySheet> Answer(EntrySheet sheet, string? refusal) =>
        refusal is null ? ServiceResult<EntrySheet>.Ok(sheet) : ServiceResult.Refused(refusal).With(sheet);

    /// <summary>Invalid, with the errors by the field names the client sent (codes, reason, explanations.RULE …).</summary>
    private static ServiceResult<EntrySheet> Invalid(EntrySheet sheet, string message) => ServiceResult.Invalid(
            sheet.Fields.Where(f => f.Error is not null).Select(f => new KeyValuePair<string, string>(f.Code, f.Error!))
                .Concat(sheet.FormErrors.Select(e => new KeyValuePair<string, string>(e.Field, e.Message)))
                .DistinctBy(p => p.Key).ToDictionary(),
            message)
        .With(sheet);

    public const string ReasonKey = "__reason";
    public const string FormKey = "form:";

    private string? WriteRefusal(SubmissionContext ctx) => Submission.WriteAccessOf(ctx.Submission, ctx.Period, Today).Reason;

    private static List<(Indicator Indicator, decimal? Number, string? Text)> Parse(
        SubmissionContext ctx, EntryInput input, out Dictionary<string, string> errors)
    {
        errors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var parsed = new List<(Indicator, decimal?, string?)>();
        var byCode = ctx.Indicators.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        foreach (var (code, raw) in input.Values)
        {
            if (!byCode.TryGetValue(code, out var indicator))
            {
                errors[FormKey + code] = $"Mã chỉ tiêu “{Shorten(code)}” không thuộc phiếu của đơn vị này.";
                continue;
            }
            if (indicator.IsComputed)
            {
                errors[code] = $"Chỉ tiêu {indicator.Code} được tính tự động, không nhập.";
                continue;
            }
            var result = raw.IsTyped || raw.Number is null
                ? (raw.Text is null && raw.Number is null ? ParsedInput.Blank : VietnameseNumberParser.Parse(raw.Text, indicator.Kind))
                : VietnameseNumberParser.Check(raw.Number.Value, indicator.Kind);
            if (!raw.IsTyped && raw.Text is not null && indicator.Kind != ValueKind.Text && indicator.Kind != ValueKind.YesNo)
                result = ParsedInput.Invalid("Cần một số (kiểu number), không phải chuỗi.");
            if (!result.IsValid) errors[indicator.Code] = result.Error!;
            else parsed.Add((indicator, result.Number, result.Text));
        }
        var narrativeKeys = ctx.NarrativeSections.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, text) in input.Narratives)
        {
            if (!narrativeKeys.Contains(key)) errors[FormKey + "narratives." + key] = $"Mục “{Shorten(key)}” không do đơn vị này viết.";
            else if ((text?.Length ?? 0) > Submission.MaxNarrativeLength) errors["nar:" + key] = $"Nội dung quá dài (tối đa {VietnameseFormat.Number(Submission.MaxNarrativeLength)} ký tự).";
        }
        var ruleCodes = ctx.Rules.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (rule, text) in input.Explanations)
        {
            if (!ruleCodes.Contains(rule)) errors[FormKey + "explanations." + rule] = $"Quy tắc “{Shorten(rule)}” không áp dụng cho phiếu này.";
            else if ((text?.Length ?? 0) > Submission.MaxCommentLength) errors["exp:" + rule] = $"Giải trình quá dài (tối đa {VietnameseFormat.Number(Submission.MaxCommentLength)} ký tự).";
        }
        if ((input.Reason?.Length ?? 0) > 1000) errors[ReasonKey] = "Lý do quá dài (tối đa 1.000 ký tự).";
        return parsed;
    }

    private static string Shorten(string text) => text.Length > 64 ? text[..64] + "…" : text;

    private static bool Differs(SubmissionContext ctx, List<(Indicator Indicator, decimal? Number, string? Text)> parsed, EntryInput input)
    {
        var submission = ctx.Submission!;
        foreach (var (indicator, number, text) in parsed)
        {
            var value = submission.ValueOf(indicator.Id);
            if (value?.Number != number || value?.Text != text) return true;
        }
        foreach (var (key, text) in input.Narratives)
        {
            var stored = submission.Narratives.FirstOrDefault(n => n.SectionKey == key)?.Text ?? "";
            if (stored != (text ?? "").Replace("\r\n", "\n").Trim()) return true;
        }
        return false;
    }

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
        || ex.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;

    private Task<bool> CanReadAsync(SubmissionContext ctx, CancellationToken ct) => access.CanAsync(Operations.Read, new UnitSheet(ctx.Unit.Id));

    private Task<bool> CanWriteAsync(SubmissionContext ctx, CancellationToken ct) => access.CanAsync(Operations.Write, new UnitSheet(ctx.Unit.Id));

    /// <summary>
    /// The sheet as the user should see it: stored values, or what they posted (with errors) when it was not saved.
    /// </summary>
    public async Task<EntrySheet> BuildSheetAsync(
        SubmissionContext ctx, EntryInput? posted, IReadOnlyDictionary<string, string>? errors, CancellationToken ct)
    {
        var submission = ctx.Submission;
        var prefills = ctx.Prefills();
        var canWrite = await CanWriteAsync(ctx, ct);
        var refusal = canWrite ? WriteRefusal(ctx) : "Bạn chỉ có quyền xem phiếu này.";

        var stored = ctx.StoredNumbers();
        var fields = new Dictionary<string, IndicatorField>(StringComparer.OrdinalIgnoreCase);
        var computedValues = ctx.ValueSource(stored);
        foreach (var indicator in ctx.Indicators)
        {
            var storedValue = submission?.ValueOf(indicator.Id);
            var storedInput = ctx.InputOf(indicator);
            string input;
            var prefilled = storedValue?.IsPrefilled ?? false;
            string? prefillInput = prefills.TryGetValue(indicator.Code, out var pv) ? VietnameseFormat.Number(pv) : null;
            if (posted is not null && posted.Values.TryGetValue(indicator.Code, out var raw))
            {
                input = raw.Text ?? (raw.Number is { } n ? VietnameseNumberParser.ToInput(n, null, indicator.Kind) : "");
            }
            else if (storedValue is null && prefillInput is not null && !indicator.IsComputed)
            {
                input = prefillInput;
                prefilled = true;
            }
            else
            {
                input = storedInput;
            }
            var number = indicator.IsComputed ? computedValues.Current(indicator.Code) : storedValue?.Number;
            string? error = null;
            errors?.TryGetValue(indicator.Code, out error);
            fields[indicator.Code] = new IndicatorField(
                indicator.Code, indicator.Name, indicator.Measure, indicator.Kind, indicator.IsRequired, indicator.Formula,
                input, number, prefilled, prefillInput, error, storedInput);
        }

        var groups = ctx.Indicators
            .GroupBy(i => i.GroupKey)
            .Select(g =>
            {
                var section = ctx.Sections.FirstOrDefault(s => s.Key == g.Key);
                return new FieldGroup(g.Key, ctx.Numbering.FullLabel(g.Key), section?.Title ?? g.Key,
                    g.Select(i => fields[i.Code]).ToList());
            })
            .OrderBy(g => ctx.Numbering.Position(g.SectionKey))
            .ToList();

        var narratives = ctx.NarrativeSections
            .OrderBy(s => ctx.Numbering.Position(s.Key))
            .Select(s =>
            {
                string? text = null;
                if (posted is not null && posted.Narratives.TryGetValue(s.Key, out var postedText)) text = postedText;
                text ??= submission?.Narratives.FirstOrDefault(n => n.SectionKey == s.Key)?.Text ?? "";
                string? error = null;
                errors?.TryGetValue("nar:" + s.Key, out error);
                // An untitled numbered paragraph is named after its parent section: "II.5.b" alone tells the writer nothing.
                var title = s.Title.Length > 0 ? s.Title : ctx.Sections.FirstOrDefault(p => p.Key == s.ParentKey)?.Title ?? "";
                return new NarrativeField(s.Key, ctx.Numbering.FullLabel(s.Key), title, text, error);
            })
            .ToList();

        var violations = ViolationViews(ctx, RuleEvaluator.Evaluate(ctx.Rules, computedValues), posted);

        var computed = ctx.Indicators.Where(i => i.IsComputed)
            .ToDictionary(i => i.Code, i => computedValues.Current(i.Code), StringComparer.OrdinalIgnoreCase);
        var formErrors = errors is null
            ? new List<FieldError>()
            : errors.Where(e => e.Key == ReasonKey || e.Key.StartsWith(FormKey, StringComparison.Ordinal) || e.Key.StartsWith("exp:", StringComparison.Ordinal)).Select(FieldError.Of).ToList();

        return new EntrySheet(
            ctx.Period.Code, ctx.Period.Name, ctx.Period.IsIllustrative, ctx.Unit.Code, ctx.Unit.Name,
            submission?.Status ?? SubmissionStatus.NotStarted, refusal is null, refusal, submission?.Version,
            submission?.ReturnComment, submission?.WasEverSubmitted ?? false, submission?.LastChangedBy, submission?.LastChangedAt,
            ctx.Period.UnitDeadline, ctx.Period.DaysToUnitDeadline(Today), ctx.Previous?.Code,
            groups, narratives, violations, computed,
            ctx.Formulas.Where(f => ctx.Indicators.Any(i => i.Code == f.Key)).ToDictionary(f => f.Key, f => ctx.Indicators.First(i => i.Code == f.Key).Formula!),
            PreviousForThePage(ctx), formErrors);
    }

    /// <summary>
    /// The page recomputes only the unit's own formulas, so it gets only the previous figures those read. Rules (and
    /// formulas) that read another unit's figure are evaluated here; the page sees their messages, not the figures.
    /// </summary>
    private static Dictionary<string, decimal?> PreviousForThePage(SubmissionContext ctx)
    {
        var read = ctx.Indicators.Where(i => i.IsComputed && ctx.Formulas.ContainsKey(i.Code))
            .SelectMany(i => ctx.Formulas[i.Code].PreviousCodes())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return ctx.PreviousValues.Where(p => read.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
    }

    private static List<ViolationView> ViolationViews(SubmissionContext ctx, IEnumerable<Violation> violations, EntryInput? posted) =>
        violations.Select(v =>
            {
                string? explanation = null;
                if (posted is not null && posted.Explanations.TryGetValue(v.RuleCode, out var e)) explanation = e;
                explanation ??= ctx.Submission?.Explanations.FirstOrDefault(x => x.RuleCode == v.RuleCode)?.Text;
                var rule = ctx.Rules.First(r => r.Code == v.RuleCode);
                return new ViolationView(v.RuleCode, v.Message, v.Severity, explanation, rule.CurrentCodes.ToList());
            })
            .ToList();

}
