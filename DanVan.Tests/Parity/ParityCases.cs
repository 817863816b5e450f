using System.Text.Json;
using DanVan.Tests.Support;

namespace DanVan.Tests.Parity;

/// <summary>
/// One table of cases (parity-cases.json) for the number parser and the formula evaluator, which the C# rules
/// (<see cref="ParityCasesTests"/>) and their browser twins vn-number.js / vn-formula.js (Browser/ScriptParityTests)
/// must both answer exactly.
/// </summary>
public static class ParityCases
{
    public static string Json => RepositoryFiles.Read("DanVan.Tests", "Parity", "parity-cases.json");

    public static JsonElement Root => JsonDocument.Parse(Json).RootElement.Clone();

    public static IEnumerable<JsonElement> Numbers => Root.GetProperty("numbers").EnumerateArray();

    public static IEnumerable<JsonElement> Formulas => Root.GetProperty("formulas").EnumerateArray();

    public static decimal? Decimal(JsonElement c, string name) =>
        c.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

    public static string? Text(JsonElement c, string name) => c.TryGetProperty(name, out var v) ? v.GetString() : null;

    public static Dictionary<string, T> Map<T>(JsonElement c, string name, Func<JsonElement, T> read) =>
        c.TryGetProperty(name, out var map)
            ? map.EnumerateObject().ToDictionary(p => p.Name, p => read(p.Value), StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
}
