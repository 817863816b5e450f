using System.Text;
using DanVan.Domain.Reports.Document;

namespace DanVan.Domain.Reports;

/// <summary>A piece of text in one style, from <see cref="InlineMarkup.Parse"/>.</summary>
public readonly record struct StyledText(string Text, RunStyle Style);

/// <summary>
/// The one emphasis markup of section texts, narratives and template texts, as in the model report's text:
/// <c>*nghiêng*</c> is italic, <c>**đậm**</c> bold, <c>***cả hai***</c> both. A marker opens only before a
/// non-space and closes only after one; a marker that is never closed, or more than three asterisks, is printed as
/// typed ("5 * 3", "a*" stay as they are); <c>\*</c> is a literal asterisk. Placeholders inside work as anywhere
/// ("**{HS.TONG}**" is a bold figure).
/// </summary>
public static class InlineMarkup
{
    public const string ItalicMarker = "*";
    public const string BoldMarker = "**";

    private sealed class Token(string text, RunStyle marker)
    {
        public string Text { get; } = text;
        /// <summary>Normal for plain text; Bold or Italic for a marker.</summary>
        public RunStyle Marker { get; } = marker;
        public bool Opens { get; set; }
        public bool Closes { get; set; }
    }

    public static IReadOnlyList<StyledText> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('*', StringComparison.Ordinal)) return text.Length == 0 ? [] : [new StyledText(text, RunStyle.Normal)];

        var tokens = Tokenize(text);
        var result = new List<StyledText>();
        var style = RunStyle.Normal;
        var pending = new StringBuilder();
        foreach (var token in tokens)
        {
            if (token.Marker == RunStyle.Normal || !(token.Opens || token.Closes))
            {
                pending.Append(token.Text);
                continue;
            }
            var next = token.Opens ? style | token.Marker : style & ~token.Marker;
            if (next == style) continue;
            Flush();
            style = next;
        }
        Flush();
        return result;

        void Flush()
        {
            if (pending.Length == 0) return;
            if (result.Count > 0 && result[^1].Style == style) result[^1] = result[^1] with { Text = result[^1].Text + pending };
            else result.Add(new StyledText(pending.ToString(), style));
            pending.Clear();
        }
    }

    /// <summary>The text as printed, without markers (lint, search, plain-text exports).</summary>
    public static string Plain(string text) => string.Concat(Parse(text).Select(s => s.Text));

    /// <summary>Splits into text and markers, then pairs the markers; unpaired markers stay plain text.</summary>
    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var plain = new StringBuilder();
        var open = new Dictionary<RunStyle, Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '*')
            {
                plain.Append('*');
                i += 2;
                continue;
            }
            if (text[i] != '*')
            {
                plain.Append(text[i++]);
                continue;
            }
            var end = i;
            while (end < text.Length && text[end] == '*') end++;
            var length = end - i;
            var canClose = i > 0 && !char.IsWhiteSpace(text[i - 1]);
            var canOpen = end < text.Length && !char.IsWhiteSpace(text[end]);
            if (length > 3 || !(canOpen || canClose))
            {
                plain.Append(text, i, length);
                i = end;
                continue;
            }
            if (plain.Length > 0) tokens.Add(new Token(plain.ToString(), RunStyle.Normal));
            plain.Clear();
            // "***" closes italic before bold and opens bold before italic: ***a*** is both, **a *b*** nests.
            RunStyle[] kinds = length switch { 1 => [RunStyle.Italic], 2 => [RunStyle.Bold], _ => [RunStyle.Italic, RunStyle.Bold] };
            if (length == 3 && !(canClose && (open.ContainsKey(RunStyle.Italic) || open.ContainsKey(RunStyle.Bold)))) kinds = [RunStyle.Bold, RunStyle.Italic];
            foreach (var kind in kinds)
            {
                var token = new Token(kind == RunStyle.Bold ? BoldMarker : ItalicMarker, kind);
                tokens.Add(token);
                if (canClose && open.Remove(kind, out var opener))
                {
                    opener.Opens = true;
                    token.Closes = true;
                }
                else if (canOpen)
                {
                    open[kind] = token;
                }
            }
            i = end;
        }
        if (plain.Length > 0) tokens.Add(new Token(plain.ToString(), RunStyle.Normal));
        return tokens;
    }
}
