using System.Globalization;
using DanVan.Domain.Formatting;

namespace DanVan.Domain.Reports;

/// <summary>One section in document order with its numbering: "3." at depth 1 under "II." is "II.3".</summary>
public sealed record OutlineItem(OutlineSection Section, int Depth, int Number)
{
    /// <summary>Place in document order (0-based): the order of forms and lists that follow the report.</summary>
    public int Position { get; init; }

    /// <summary>The label printed before the heading: "II.", "3.", "a)".</summary>
    public string Label => ListLabels.ForLevel(Depth, Number);

    /// <summary>The path of numbers: "II", "II.3", "II.3.a".</summary>
    public string FullLabel { get; init; } = "";

    /// <summary>The path as a sentence cites it, with the level's own ending: "II.", "II.3.", "II.3.a)".</summary>
    public string CitedLabel => FullLabel + (Depth >= 2 ? ")" : ".");
}

/// <summary>
/// The one numbering of a report's outline (I., 1., a) and of its appendix (1., -): the document, the lint, the
/// entry form and the template editor all read it. Derived by walking parents and each level's Order, never from
/// the order in which a dictionary or a query happened to return the sections.
/// </summary>
public sealed class OutlineNumbering
{
    private readonly Dictionary<string, OutlineItem> _byKey;

    private OutlineNumbering(IReadOnlyList<OutlineItem> items)
    {
        Items = items;
        _byKey = items.ToDictionary(i => i.Section.Key, StringComparer.Ordinal);
    }

    /// <summary>Every section, depth-first in document order.</summary>
    public IReadOnlyList<OutlineItem> Items { get; }

    public static OutlineNumbering Of(IEnumerable<OutlineSection> sections)
    {
        var children = sections.ToLookup(s => s.ParentKey ?? "");
        var items = new List<OutlineItem>();
        Walk("", 0, "");
        return new OutlineNumbering(items);

        void Walk(string parentKey, int depth, string prefix)
        {
            var number = 0;
            foreach (var section in children[parentKey].OrderBy(s => s.Order).ThenBy(s => s.Key, StringComparer.Ordinal))
            {
                var part = Part(depth, ++number);
                var full = prefix.Length == 0 ? part : prefix + "." + part;
                items.Add(new OutlineItem(section, depth, number) { Position = items.Count, FullLabel = full });
                Walk(section.Key, depth + 1, full);
            }
        }
    }

    public OutlineItem? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>"II.3.a", or "" for a key not in the outline.</summary>
    public string FullLabel(string key) => Find(key)?.FullLabel ?? "";

    /// <summary>Document order of a key; unknown keys sort last.</summary>
    public int Position(string key) => Find(key)?.Position ?? int.MaxValue;

    /// <summary>A level's own number without its ending: "II", "3", "a".</summary>
    public static string Part(int depth, int number) => depth switch
    {
        0 => ListLabels.Roman(number),
        1 => number.ToString(CultureInfo.InvariantCulture),
        _ => ListLabels.Letter(number),
    };

    /// <summary>The appendix's labels in row order: level 0 rows are numbered "1.", "2.", …; level 1 rows are "-".</summary>
    public static IReadOnlyList<string> AppendixLabels(IEnumerable<AppendixRow> rows)
    {
        var number = 0;
        return rows.OrderBy(r => r.Order)
            .Select(r => r.Level == 0 ? (++number).ToString(CultureInfo.InvariantCulture) + "." : "-")
            .ToList();
    }
}
