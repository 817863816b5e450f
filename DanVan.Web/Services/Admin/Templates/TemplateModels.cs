using DanVan.Domain.Indicators;
using DanVan.Domain.Rules;

namespace DanVan.Web.Services.Admin.Templates;

public sealed record VersionRow(
    int Id, string Code, int Version, string Name, bool IsDraft, bool IsCurrent, DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt, string? PublishedBy, DateTimeOffset? UpdatedAt, string? UpdatedBy,
    IReadOnlyList<string> Periods, int Indicators, int Rules)
{
    public string Status => IsDraft ? "Bản nháp" : IsCurrent ? "Đang dùng cho kỳ mới" : "Đã phát hành";
}

public sealed record UnitOption(string Code, string Name);

public sealed record PeriodOption(string Code, string Name, int TemplateVersion);

public sealed record SectionRow(
    int Id, string Key, string? ParentKey, string Label, string FullLabel, int Depth, string Title, string? DefaultText,
    string? WriterCode, string? WriterName, bool RunIn, int Indicators, int Children, bool IsFirst, bool IsLast)
{
    /// <summary>"II.3.a) Trung tâm …" as the editor lists it.</summary>
    public string Display => Title.Length == 0 ? $"{FullLabel} (đoạn văn đánh số)" : $"{FullLabel} {Title}";
}

public sealed record IndicatorRow(
    int Id, string Code, string Name, string Measure, ValueKind Kind, string UnitCode, string UnitName, string GroupKey,
    string GroupLabel, string GroupTitle, bool Required, string? Formula, bool IsRetired, int SortOrder, bool IsNew, bool HasValues)
{
    public bool IsComputed => Formula is not null;
}

public sealed record RuleRow(
    int Id, string Code, string Left, RuleOperator Operator, string Right, Severity Severity, string Message, bool IsNew,
    IReadOnlyList<string> Units);

public sealed record AppendixRowView(int Id, int Order, int Level, string Label, string Text);

/// <summary>Everything the pages of one version show, loaded in a few queries.</summary>
public sealed record TemplateView(
    VersionRow Version,
    string Stamp,
    string Title,
    string Opening,
    string Closing,
    IReadOnlyList<SectionRow> Sections,
    IReadOnlyList<IndicatorRow> Indicators,
    IReadOnlyList<RuleRow> Rules,
    IReadOnlyList<AppendixRowView> Appendix,
    IReadOnlyList<UnitOption> Units,
    IReadOnlyList<PeriodOption> PeriodChoices,
    int? BaseVersion,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Changes)
{
    public IReadOnlyDictionary<string, string> NameOf { get; } =
        Indicators.ToDictionary(i => i.Code, i => i.Name, StringComparer.OrdinalIgnoreCase);
}

/// <summary>One unit's verdict in a rule's dry run against an existing period.</summary>
public sealed record DryRunUnit(string UnitCode, string UnitName, DryRunVerdict Verdict, string LeftDetail, string? Left, string RightDetail, string? Right, string? Message);

public enum DryRunVerdict
{
    Flagged,
    Holds,
    Blank,
}

public sealed record DryRunResult(string PeriodCode, string PeriodName, int Flagged, IReadOnlyList<DryRunUnit> Units, string? Note)
{
    public string Summary => $"Quy tắc này sẽ cảnh báo {Flagged} đơn vị trong kỳ {PeriodName} ({PeriodCode}).";
}

/// <summary>An expression or a text cut into plain parts and indicator codes, so that pages can name each code.</summary>
public static partial class ExpressionDisplay
{
    public static IEnumerable<(string Text, string? Code)> Parts(string? text, IReadOnlyDictionary<string, string> names)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var last = 0;
        foreach (System.Text.RegularExpressions.Match m in Token().Matches(text))
        {
            var code = m.Value.TrimEnd('.');
            if (!names.ContainsKey(code)) continue;
            if (m.Index > last) yield return (text[last..m.Index], null);
            yield return (code, code.ToUpperInvariant());
            last = m.Index + code.Length;
        }
        if (last < text.Length) yield return (text[last..], null);
    }

    /// <summary>The distinct codes a text names, in order of first appearance.</summary>
    public static IReadOnlyList<string> Codes(string? text, IReadOnlyDictionary<string, string> names) =>
        Parts(text, names).Where(p => p.Code is not null).Select(p => p.Code!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![A-Za-z0-9_.])[A-Za-z][A-Za-z0-9_.]*")]
    private static partial System.Text.RegularExpressions.Regex Token();
}
