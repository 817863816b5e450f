using System.Globalization;
using System.Text;
using DanVan.Domain.Formatting;
using DanVan.Domain.Periods;

namespace DanVan.Domain.Reports.Document;

/// <summary>
/// Fills template text: {CODE} → the formatted value as a <see cref="FigureRun"/>; {CODE:00} → a count under 10
/// with a leading zero; {period.name}, {period.remainder}, {period.year}; {request} → the request reference.
/// Blank values print "…" and are collected in <see cref="MissingCodes"/>; codes that are not indicators of the
/// template print "…" too and are collected in <see cref="UnknownCodes"/>.
/// </summary>
public sealed class Placeholders
{
    private readonly FigureValues _values;
    private readonly PeriodCode _period;
    private readonly string _request;
    private readonly List<string> _missing = [];
    private readonly List<string> _unknown = [];

    public Placeholders(FigureValues values, PeriodCode period, string? request)
    {
        _values = values;
        _period = period;
        _request = request?.Trim() ?? "";
    }

    public IReadOnlyList<string> MissingCodes => _missing;
    public IReadOnlyList<string> UnknownCodes => _unknown;

    /// <summary>
    /// The text as runs: its emphasis markup (<see cref="InlineMarkup"/>) becomes run styles added to
    /// <paramref name="style"/>, its placeholders figures or phrases.
    /// </summary>
    public IReadOnlyList<Run> Fill(string text, RunStyle style = RunStyle.Normal)
    {
        var runs = new List<Run>();
        foreach (var piece in InlineMarkup.Parse(text)) Fill(piece.Text, style | piece.Style, runs);
        return runs;
    }

    private void Fill(string text, RunStyle style, List<Run> runs)
    {
        var pending = new StringBuilder();
        var last = 0;
        foreach (var m in PlaceholderSyntax.Matches(text))
        {
            pending.Append(text, last, m.Index - last);
            last = m.Index + m.Length;
            var name = m.Name;
            var format = m.Option;
            if (PeriodOrRequest(name) is { } phrase)
            {
                pending.Append(phrase);
                continue;
            }
            Flush();
            runs.Add(Figure(name.ToUpperInvariant(), format, style));
        }
        pending.Append(text, last, text.Length - last);
        Flush();

        void Flush()
        {
            if (pending.Length == 0) return;
            runs.Add(new TextRun(pending.ToString(), style));
            pending.Clear();
        }
    }

    /// <summary>The filled text without run structure (titles, file names, lint).</summary>
    public string FillText(string text) => string.Concat(Fill(text).Select(r => r.Text));

    /// <summary>The names a text uses ({HS.TONG} → "HS.TONG"), period and request phrases excluded.</summary>
    public static IEnumerable<string> CodesIn(string text) => PlaceholderSyntax.Codes(text, ruleMessage: false);

    private string? PeriodOrRequest(string name) => name switch
    {
        "period.name" => _period.Name,
        "period.remainder" => PeriodText.Remainder(_period),
        "period.year" => _period.Year.ToString(CultureInfo.InvariantCulture),
        PlaceholderSyntax.Request => _request.Length == 0 ? VietnameseFormat.Missing : _request,
        _ => null,
    };

    private FigureRun Figure(string code, string? format, RunStyle style)
    {
        if (!_values.IsKnown(code))
        {
            if (!_unknown.Contains(code)) _unknown.Add(code);
            return new FigureRun(code, VietnameseFormat.Missing, true, style);
        }
        var leadingZero = format is not null && format.Length >= 2 && format.All(c => c == '0');
        var formatted = _values.Format(code, leadingZero);
        if (formatted is null)
        {
            if (!_missing.Contains(code)) _missing.Add(code);
            return new FigureRun(code, VietnameseFormat.Missing, true, style);
        }
        return new FigureRun(code, formatted, false, style);
    }
}
