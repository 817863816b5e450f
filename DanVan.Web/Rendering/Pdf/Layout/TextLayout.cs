using PdfSharp.Drawing;
using DanVan.Domain.Reports.Document;

namespace DanVan.Web.Rendering.Pdf.Layout;

/// <summary>A piece of a word in one style.</summary>
public sealed record Segment(string Text, TextStyle Style, double Width);

/// <summary>A word: the text between spaces, possibly in several styles ("(131" = "(" + a bold figure).</summary>
public sealed class Word
{
    public List<Segment> Segments { get; } = [];
    public double Width { get; private set; }

    /// <summary>The width of the space after the word, in the style of its last segment.</summary>
    public double SpaceWidth { get; set; }

    public void Add(Segment segment)
    {
        Segments.Add(segment);
        Width += segment.Width;
    }
}

/// <summary>One line of a paragraph: its words, natural width, left indent and the width it may fill.</summary>
public sealed record Line(IReadOnlyList<Word> Words, double NaturalWidth, double Indent, double Available, bool IsLast);

/// <summary>
/// Our line breaker: words are measured with XGraphics.MeasureString, lines filled greedily; justified lines spread
/// the spare width over the gaps; each word is drawn with its trailing space so text extraction keeps the spaces.
/// </summary>
public static class TextLayout
{
    public static List<Word> Words(IEnumerable<(string Text, TextStyle Style)> pieces, FontCache fonts)
    {
        var words = new List<Word>();
        Word? current = null;
        foreach (var (raw, style) in pieces)
        {
            var text = FontCache.Normalize(raw).Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
            var parts = text.Split(' ');
            for (var k = 0; k < parts.Length; k++)
            {
                if (k > 0) End();
                if (parts[k].Length == 0) continue;
                current ??= new Word();
                current.Add(new Segment(parts[k], style, fonts.Width(parts[k], style)));
            }
        }
        End();
        return words;

        void End()
        {
            if (current is null) return;
            current.SpaceWidth = fonts.Width(" ", current.Segments[^1].Style);
            words.Add(current);
            current = null;
        }
    }

    public static List<Line> Break(IReadOnlyList<Word> words, double width, double firstIndent, double otherIndent, FontCache fonts)
    {
        var lines = new List<Line>();
        var current = new List<Word>();
        var currentWidth = 0.0;
        var indent = firstIndent;
        foreach (var original in words)
        {
            foreach (var word in Fit(original, width - Math.Max(firstIndent, otherIndent), fonts))
            {
                var available = width - indent;
                var needed = current.Count == 0 ? word.Width : currentWidth + current[^1].SpaceWidth + word.Width;
                if (current.Count == 0 || needed <= available + 0.01)
                {
                    current.Add(word);
                    currentWidth = needed;
                    continue;
                }
                lines.Add(new Line(current, currentWidth, indent, available, false));
                current = [word];
                currentWidth = word.Width;
                indent = otherIndent;
            }
        }
        if (current.Count > 0) lines.Add(new Line(current, currentWidth, indent, width - indent, true));
        return lines;
    }

    /// <summary>A word wider than the line (a long URL or code) is cut into pieces that fit.</summary>
    private static IEnumerable<Word> Fit(Word word, double width, FontCache fonts)
    {
        if (word.Width <= width || width <= 0)
        {
            yield return word;
            yield break;
        }
        var piece = new Word();
        foreach (var segment in word.Segments)
        {
            var start = 0;
            for (var i = 1; i <= segment.Text.Length; i++)
            {
                var chunk = segment.Text[start..i];
                var w = fonts.Width(chunk, segment.Style);
                if (piece.Width + w > width && (piece.Segments.Count > 0 || i - start > 1))
                {
                    var done = segment.Text[start..(i - 1)];
                    if (done.Length > 0) piece.Add(new Segment(done, segment.Style, fonts.Width(done, segment.Style)));
                    piece.SpaceWidth = 0;
                    yield return piece;
                    piece = new Word();
                    start = i - 1;
                }
            }
            var rest = segment.Text[start..];
            if (rest.Length > 0) piece.Add(new Segment(rest, segment.Style, fonts.Width(rest, segment.Style)));
        }
        piece.SpaceWidth = word.SpaceWidth;
        yield return piece;
    }

    /// <summary>Draws one line with its baseline at <paramref name="baseline"/>, from the column's left edge <paramref name="left"/>.</summary>
    public static void Draw(PageText text, Line line, double left, double baseline, ParagraphAlignment alignment)
    {
        var x = left + line.Indent;
        var extra = 0.0;
        var spare = Math.Max(0, line.Available - line.NaturalWidth);
        switch (alignment)
        {
            case ParagraphAlignment.Justify when !line.IsLast && line.Words.Count > 1:
                extra = spare / (line.Words.Count - 1);
                break;
            case ParagraphAlignment.Center:
                x += spare / 2;
                break;
            case ParagraphAlignment.Right:
                x += spare;
                break;
        }
        for (var i = 0; i < line.Words.Count; i++)
        {
            var word = line.Words[i];
            var wx = x;
            for (var j = 0; j < word.Segments.Count; j++)
            {
                var segment = word.Segments[j];
                var piece = j == word.Segments.Count - 1 && i < line.Words.Count - 1 ? segment.Text + " " : segment.Text;
                text.Show(segment.Style, wx, baseline, piece);
                wx += segment.Width;
            }
            x += word.Width + word.SpaceWidth + extra;
        }
    }
}
