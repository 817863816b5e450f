using DanVan.Domain.Reports.Document;

namespace DanVan.Web.Rendering.Pdf.Layout;

/// <summary>A piece of a word in one style: a slice of the run's text.</summary>
public readonly record struct Segment(ReadOnlyMemory<char> Text, TextStyle Style, double Width);

/// <summary>
/// A word: the text between spaces, possibly in several styles ("(131" = "(" + a bold figure) — the segments
/// <see cref="First"/> … <see cref="First"/> + <see cref="Count"/> − 1 of its paragraph. <see cref="SpaceWidth"/> is
/// the width of the space after it, in the style of its last segment.
/// </summary>
public readonly record struct Word(int First, int Count, double Width, double SpaceWidth);

/// <summary>One line of a paragraph: its words (a range), natural width, left indent and the width it may fill.</summary>
public readonly record struct Line(int FirstWord, int WordCount, double NaturalWidth, double Indent, double Available, bool IsLast);

/// <summary>A paragraph broken into lines for one column width: its segments, words and lines in three flat lists.</summary>
public sealed class LaidParagraph(double fontSize, ParagraphAlignment alignment)
{
    public List<Segment> Segments { get; } = [];
    public List<Word> Words { get; } = [];
    public List<Line> Lines { get; } = [];
    public double FontSize { get; } = fontSize;
    public ParagraphAlignment Alignment { get; } = alignment;
    public double LineHeight => FontSize * PageGeometry.LineSpacing;
    public double Height => Lines.Count * LineHeight;

    public double HeightOf(int lines) => Math.Min(lines, Lines.Count) * LineHeight;
}

/// <summary>
/// Our line breaker: words are measured with the faces' metrics, lines filled greedily; justified lines spread the
/// spare width over the gaps; each word is drawn with its trailing space so text extraction keeps the spaces.
/// Words are slices of the runs' text in flat lists (no object per word).
/// </summary>
public static class TextLayout
{
    /// <summary>Splits the pieces into words (at spaces, tabs and line breaks) into <paramref name="into"/>.</summary>
    public static void Words(IEnumerable<(string Text, TextStyle Style)> pieces, FontCache fonts, LaidParagraph into)
    {
        var segments = into.Segments;
        var words = into.Words;
        var first = -1;
        var width = 0.0;
        foreach (var (raw, style) in pieces)
        {
            var text = FontCache.Normalize(raw).AsMemory();
            var span = text.Span;
            var start = 0;
            for (var i = 0; i <= span.Length; i++)
            {
                if (i < span.Length && !IsBreak(span[i])) continue;
                if (i > start)
                {
                    var part = text[start..i];
                    var w = fonts.Width(part.Span, style);
                    if (first < 0) first = segments.Count;
                    segments.Add(new Segment(part, style, w));
                    width += w;
                }
                if (i < span.Length) End();
                start = i + 1;
            }
        }
        End();

        void End()
        {
            if (first < 0) return;
            var last = segments[^1];
            words.Add(new Word(first, segments.Count - first, width, fonts.Width(" ", last.Style)));
            first = -1;
            width = 0;
        }
    }

    private static bool IsBreak(char c) => c is ' ' or '\t' or '\n' or '\r';

    /// <summary>Breaks the paragraph's words into lines of <paramref name="width"/> points.</summary>
    public static void Break(LaidParagraph paragraph, double width, double firstIndent, double otherIndent, FontCache fonts)
    {
        var words = paragraph.Words;
        var lines = paragraph.Lines;
        var limit = width - Math.Max(firstIndent, otherIndent);
        for (var i = 0; i < words.Count; i++)
            if (words[i].Width > limit && limit > 0) i += Fit(paragraph, i, limit, fonts) - 1;

        var start = 0;
        var current = 0.0;
        var indent = firstIndent;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var available = width - indent;
            var needed = i == start ? word.Width : current + words[i - 1].SpaceWidth + word.Width;
            if (i == start || needed <= available + 0.01)
            {
                current = needed;
                continue;
            }
            lines.Add(new Line(start, i - start, current, indent, available, false));
            start = i;
            current = word.Width;
            indent = otherIndent;
        }
        if (words.Count > start) lines.Add(new Line(start, words.Count - start, current, indent, width - indent, true));
    }

    /// <summary>A word wider than the line (a long URL or code) is cut into pieces that fit; returns how many.</summary>
    private static int Fit(LaidParagraph paragraph, int index, double width, FontCache fonts)
    {
        var segments = paragraph.Segments;
        var word = paragraph.Words[index];
        var pieces = new List<Word>();
        var first = segments.Count;
        var pieceWidth = 0.0;
        for (var s = word.First; s < word.First + word.Count; s++)
        {
            var segment = segments[s];
            var text = segment.Text;
            var start = 0;
            for (var i = 1; i <= text.Length; i++)
            {
                var w = fonts.Width(text.Span[start..i], segment.Style);
                if (pieceWidth + w > width && (segments.Count > first || i - start > 1))
                {
                    var done = text[start..(i - 1)];
                    if (done.Length > 0)
                    {
                        var dw = fonts.Width(done.Span, segment.Style);
                        segments.Add(new Segment(done, segment.Style, dw));
                        pieceWidth += dw;
                    }
                    pieces.Add(new Word(first, segments.Count - first, pieceWidth, 0));
                    first = segments.Count;
                    pieceWidth = 0;
                    start = i - 1;
                }
            }
            var rest = text[start..];
            if (rest.Length > 0)
            {
                var rw = fonts.Width(rest.Span, segment.Style);
                segments.Add(new Segment(rest, segment.Style, rw));
                pieceWidth += rw;
            }
        }
        pieces.Add(new Word(first, segments.Count - first, pieceWidth, word.SpaceWidth));
        paragraph.Words.RemoveAt(index);
        paragraph.Words.InsertRange(index, pieces);
        return pieces.Count;
    }

    /// <summary>Draws one line with its baseline at <paramref name="baseline"/>, from the column's left edge <paramref name="left"/>.</summary>
    public static void Draw(PageText text, LaidParagraph paragraph, Line line, double left, double baseline)
    {
        var x = left + line.Indent;
        var extra = 0.0;
        var spare = Math.Max(0, line.Available - line.NaturalWidth);
        switch (paragraph.Alignment)
        {
            case ParagraphAlignment.Justify when !line.IsLast && line.WordCount > 1:
                extra = spare / (line.WordCount - 1);
                break;
            case ParagraphAlignment.Center:
                x += spare / 2;
                break;
            case ParagraphAlignment.Right:
                x += spare;
                break;
        }
        var lastWord = line.FirstWord + line.WordCount - 1;
        for (var i = line.FirstWord; i <= lastWord; i++)
        {
            var word = paragraph.Words[i];
            var wx = x;
            var lastSegment = word.First + word.Count - 1;
            for (var j = word.First; j <= lastSegment; j++)
            {
                var segment = paragraph.Segments[j];
                text.Show(segment.Style, wx, baseline, segment.Text, space: j == lastSegment && i < lastWord);
                wx += segment.Width;
            }
            x += word.Width + word.SpaceWidth + extra;
        }
    }
}
