using DanVan.Domain.Expressions;
using DanVan.Domain.Indicators;
using DanVan.Domain.Periods;

namespace DanVan.Domain.Reports.Document;

/// <summary>An entered value of one indicator: a number (counts, percent units, yes/no as 1/0) or a text.</summary>
public readonly record struct FigureInput(decimal? Number, string? Text = null)
{
    public bool IsBlank => Number is null && string.IsNullOrWhiteSpace(Text);
}

/// <summary>
/// Giải trình: a unit's explanation of a rule its figures broke, with the codes of the rule's left side (the figure
/// the rule checks), where the appendix workbook notes it.
/// </summary>
public sealed record UnitExplanation(string UnitName, string RuleCode, IReadOnlyList<string> Codes, string Text)
{
    public static UnitExplanation Of(Rules.ValidationRule rule, string unitName, string text) =>
        new(unitName, rule.Code, rule.CheckedCodes, text);
}

/// <summary>
/// Everything the document builder needs, loaded by the report service (or built from the seed files in tests).
/// </summary>
public sealed record DocumentInputs
{
    public required ReportTemplate Template { get; init; }
    public required ReportingPeriod Period { get; init; }
    public required ReportMetadata Metadata { get; init; }

    /// <summary>The template's indicators (retired ones are skipped); computed ones carry their formula.</summary>
    public required IReadOnlyList<Indicator> Indicators { get; init; }

    /// <summary>Entered values by indicator code; computed indicators are evaluated by the builder.</summary>
    public required IReadOnlyDictionary<string, FigureInput> Values { get; init; }

    /// <summary>The writer unit's narrative by section key.</summary>
    public IReadOnlyDictionary<string, string> Narratives { get; init; } = new Dictionary<string, string>();

    /// <summary>The compiler's text by section key (the report's own text; it overrides the narrative).</summary>
    public IReadOnlyDictionary<string, string> CompilerTexts { get; init; } = new Dictionary<string, string>();

    /// <summary>Unit names by id, for the "đơn vị cung cấp" column of the figure table.</summary>
    public IReadOnlyDictionary<int, string> UnitNames { get; init; } = new Dictionary<int, string>();

    /// <summary>The units' explanations of broken rules (giải trình), for the figures' notes.</summary>
    public IReadOnlyList<UnitExplanation> Explanations { get; init; } = [];

    /// <summary>Values of the period before, for formulas using PREV(code).</summary>
    public IValueSource? Previous { get; init; }

    /// <summary>Append a "Biểu số liệu" table of every indicator after the appendix (not in the model report).</summary>
    public bool IncludeFigureTable { get; init; }

    /// <summary>
    /// The text of a section: the report's compiler text, else the writer unit's narrative, else the template's
    /// default text; null when none has any content.
    /// </summary>
    public string? SectionText(OutlineSection section)
    {
        if (CompilerTexts.TryGetValue(section.Key, out var compiler) && !string.IsNullOrWhiteSpace(compiler)) return compiler;
        if (Narratives.TryGetValue(section.Key, out var narrative) && !string.IsNullOrWhiteSpace(narrative)) return narrative;
        return string.IsNullOrWhiteSpace(section.DefaultText) ? null : section.DefaultText;
    }
}
