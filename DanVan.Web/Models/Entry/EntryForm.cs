using DanVan.Web.Services.Entry;

namespace DanVan.Web.Models.Entry;

/// <summary>
/// Reads the entry form's fields: "v:CODE" values (as typed), "n:KEY" narratives, "e:RULE" explanations, the version
/// the user opened and the reason for changes. Figures stay strings here; the service parses them.
/// </summary>
public static class EntryForm
{
    public const int MaxFields = 2000;

    public static EntryInput Read(IFormCollection form)
    {
        var values = new Dictionary<string, RawValue>(StringComparer.OrdinalIgnoreCase);
        var narratives = new Dictionary<string, string?>(StringComparer.Ordinal);
        var explanations = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in form.Take(MaxFields))
        {
            if (key.StartsWith("v:", StringComparison.Ordinal)) values[key[2..]] = RawValue.Typed(value.ToString());
            else if (key.StartsWith("n:", StringComparison.Ordinal)) narratives[key[2..]] = value.ToString();
            else if (key.StartsWith("e:", StringComparison.Ordinal)) explanations[key[2..]] = value.ToString();
        }
        Guid? version = Guid.TryParse(form["version"], out var v) ? v : null;
        var reason = form["reason"].ToString();
        return new EntryInput(values, narratives, explanations, version, string.IsNullOrWhiteSpace(reason) ? null : reason);
    }
}

public sealed record EntryPage(EntrySheet Sheet, string? Message, string? MessageKind, bool CanReview, bool CanReopen);

public sealed record HistoryPage(string PeriodCode, string UnitCode, string Code, string? Name, IReadOnlyList<HistoryEntry> Entries);
