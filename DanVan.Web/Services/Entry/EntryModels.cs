using DanVan.Web.Infrastructure.ServiceResults;
using DanVan.Domain.Indicators;
using DanVan.Domain.Rules;
using DanVan.Domain.Submissions;

namespace DanVan.Web.Services.Entry;

/// <summary>One value as it arrives: typed text from a form, or a number (or text) from JSON.</summary>
public readonly record struct RawValue(string? Text, decimal? Number, bool IsTyped)
{
    public static RawValue Typed(string? text) => new(text, null, true);
    public static RawValue FromJson(decimal? number) => new(null, number, false);
    public static RawValue FromJsonText(string? text) => new(text, null, false);
}

/// <summary>What a unit sends on save: values by code, narratives by section key, explanations by rule code.</summary>
public sealed record EntryInput(
    IReadOnlyDictionary<string, RawValue> Values,
    IReadOnlyDictionary<string, string?> Narratives,
    IReadOnlyDictionary<string, string?> Explanations,
    Guid? ExpectedVersion,
    string? Reason)
{
    public static EntryInput Empty { get; } = new(new Dictionary<string, RawValue>(), new Dictionary<string, string?>(), new Dictionary<string, string?>(), null, null);
}

public sealed record IndicatorField(
    string Code, string Name, string Measure, ValueKind Kind, bool Required, string? Formula,
    string Input, decimal? Number, bool Prefilled, string? PrefillInput, string? Error, string? StoredInput);

public sealed record FieldGroup(string SectionKey, string Label, string Title, IReadOnlyList<IndicatorField> Fields);

public sealed record NarrativeField(string SectionKey, string Label, string Title, string Text, string? Error);

public sealed record ViolationView(string RuleCode, string Message, Severity Severity, string? Explanation, IReadOnlyList<string> Codes);

public sealed record EntrySheet(
    string PeriodCode,
    string PeriodName,
    bool PeriodIllustrative,
    string UnitCode,
    string UnitName,
    SubmissionStatus Status,
    bool CanEdit,
    string? ReadOnlyReason,
    Guid? Version,
    string? ReturnComment,
    bool ReasonRequired,
    string? LastChangedBy,
    DateTimeOffset? LastChangedAt,
    DateOnly UnitDeadline,
    int DaysLeft,
    string? PreviousPeriodCode,
    IReadOnlyList<FieldGroup> Groups,
    IReadOnlyList<NarrativeField> Narratives,
    IReadOnlyList<ViolationView> Violations,
    IReadOnlyDictionary<string, decimal?> Computed,
    IReadOnlyDictionary<string, string> Formulas,
    IReadOnlyDictionary<string, decimal?> PreviousValues,
    IReadOnlyList<FieldError> FormErrors)
{
    public IEnumerable<IndicatorField> Fields => Groups.SelectMany(g => g.Fields);
    public bool HasFieldErrors => Fields.Any(f => f.Error is not null) || Narratives.Any(n => n.Error is not null) || FormErrors.Count > 0;
}

public sealed record HistoryEntry(DateTimeOffset At, string UserName, string Action, string? OldValue, string? NewValue, string? Reason);

/// <summary>One value of a check: the typed text it would be saved as and whether that changes the stored value, or its error.</summary>
public sealed record CheckedValue(string Code, string? Input, bool Changes, string? Error);

/// <summary>What saving some values would do, computed without saving (see EntryService.CheckAsync).</summary>
public sealed record EntryCheck(
    ServiceStatus Outcome,
    EntrySheet? Sheet,
    string? Message,
    IReadOnlyDictionary<string, CheckedValue> Values,
    IReadOnlyList<ViolationView> Violations,
    IReadOnlyList<FieldError> FormErrors)
{
    public static EntryCheck NotFound { get; } = new(ServiceStatus.NotFound, null, null, new Dictionary<string, CheckedValue>(), [], []);
    public static EntryCheck Forbidden { get; } = new(ServiceStatus.Forbidden, null, null, new Dictionary<string, CheckedValue>(), [], []);
}

/// <summary>An error that belongs to no input cell, named by the field it concerns as the client sent it.</summary>
public sealed record FieldError(string Field, string Message)
{
    /// <summary>From the service's internal key: the reason, an explanation, or a code/section/rule the sheet does not have.</summary>
    public static FieldError Of(KeyValuePair<string, string> error) => new(error.Key switch
    {
        EntryService.ReasonKey => "reason",
        var k when k.StartsWith(EntryService.FormKey, StringComparison.Ordinal) => k[EntryService.FormKey.Length..],
        var k when k.StartsWith("exp:", StringComparison.Ordinal) => "explanations." + k[4..],
        var k => k,
    }, error.Value);
}
