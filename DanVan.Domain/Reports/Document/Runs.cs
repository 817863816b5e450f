using System.Text.Json.Serialization;

namespace DanVan.Domain.Reports.Document;

[Flags]
public enum RunStyle
{
    Normal = 0,
    Bold = 1,
    Italic = 2,
    BoldItalic = Bold | Italic,
}

/// <summary>A piece of text with one style inside a paragraph, heading or appendix line.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextRun), "text")]
[JsonDerivedType(typeof(FigureRun), "figure")]
public abstract record Run(string Text, RunStyle Style)
{
    public bool IsBold => Style.HasFlag(RunStyle.Bold);
    public bool IsItalic => Style.HasFlag(RunStyle.Italic);
}

/// <summary>Plain text (narrative, titles, labels).</summary>
public sealed record TextRun(string Text, RunStyle Style = RunStyle.Normal) : Run(Text, Style);

/// <summary>
/// A figure filled from an indicator value: its code (so HTML can link to the value's history), the formatted text
/// ("50.003", "98,6%", "Có"), or <see cref="Formatting.VietnameseFormat.Missing"/> when the value is blank.
/// </summary>
public sealed record FigureRun(string Code, string Text, bool IsMissing, RunStyle Style = RunStyle.Normal) : Run(Text, Style);
