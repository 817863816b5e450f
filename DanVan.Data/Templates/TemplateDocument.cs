using System.Text.Json;
using System.Text.Json.Serialization;

namespace DanVan.Data.Templates;

/// <summary>
/// A report template as a JSON file: the seed ships one; admins export any version and import one as a new draft
/// (<see cref="TemplateImporter"/>, <see cref="TemplateExporter"/>). "retired": true marks an indicator no longer in use
/// (omitted when false).
/// </summary>
public sealed record TemplateDocument(
    string Code,
    int Version,
    string Name,
    string Title,
    string Opening,
    string Closing,
    IReadOnlyList<SectionDocument> Sections,
    IReadOnlyList<IndicatorDocument> Indicators,
    IReadOnlyList<RuleDocument> Rules,
    IReadOnlyList<AppendixRowDocument> Appendix)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 32,
    };
}

public sealed record SectionDocument(
    string Key,
    string Title,
    string? Writer,
    string? Text,
    bool RunIn,
    IReadOnlyList<SectionDocument>? Children);

public sealed record IndicatorDocument(
    string Code,
    string Name,
    string Measure,
    string Kind,
    string Unit,
    string Group,
    bool Required,
    string? Formula,
    bool? Retired = null);

public sealed record RuleDocument(string Code, string Left, string Op, string Right, string Severity, string Message);

public sealed record AppendixRowDocument(int Level, string Text);
