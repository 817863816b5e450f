using System.Text.Json;
using DanVan.Tests.Browser.Support;
using DanVan.Tests.Parity;
using DanVan.Tests.Support;

namespace DanVan.Tests.Browser.Parity;

/// <summary>
/// The browser side of the shared table (parity-cases.json): Chromium evaluates vn-number.js and vn-formula.js, as
/// the entry page loads them, over every case, and each answer must be the C# one (<see cref="ParityCasesTests"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScriptParityTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task The_browser_number_parser_and_formula_evaluator_answer_the_shared_table_like_the_server()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!doctype html><html lang=\"vi\"><body></body></html>");
        await page.AddScriptTagAsync(new() { Content = RepositoryFiles.Read("DanVan.Web", "wwwroot", "js", "vn-number.js") });
        await page.AddScriptTagAsync(new() { Content = RepositoryFiles.Read("DanVan.Web", "wwwroot", "js", "vn-formula.js") });

        var answers = await page.EvaluateAsync<JsonElement>("""
            json => { const cases = JSON.parse(json); return {
                numbers: cases.numbers.map(c => VnNumber.parse(c.input, c.kind)),
                formulas: cases.formulas.map(c => {
                    const up = m => Object.fromEntries(Object.entries(m || {}).map(([k, v]) => [k.toUpperCase(), v]));
                    const values = up(c.values), previous = up(c.previous), formulas = up(c.formulas);
                    return VnFormula.evaluate(c.formula, code => values[code] ?? null, code => previous[code] ?? null, formulas);
                }),
            }; }
            """, ParityCases.Json);

        var failures = new List<string>();
        foreach (var (c, got) in ParityCases.Numbers.Zip(answers.GetProperty("numbers").EnumerateArray()))
        {
            var blank = c.TryGetProperty("blank", out var b) && b.GetBoolean();
            var error = got.GetProperty("error");
            var value = got.GetProperty("value");
            var ok = blank ? got.GetProperty("blank").GetBoolean()
                : ParityCases.Text(c, "error") is { } expected ? error.ValueKind == JsonValueKind.String && error.GetString() == expected
                : error.ValueKind == JsonValueKind.Null && value.ValueKind == JsonValueKind.Number && value.GetDecimal() == ParityCases.Decimal(c, "value");
            if (!ok) failures.Add($"“{c.GetProperty("input").GetString()}” ({c.GetProperty("kind").GetString()}): got {got}");
        }
        foreach (var (c, got) in ParityCases.Formulas.Zip(answers.GetProperty("formulas").EnumerateArray()))
        {
            var expected = ParityCases.Decimal(c, "expected");
            var ok = expected is null
                ? got.ValueKind == JsonValueKind.Null
                : got.ValueKind == JsonValueKind.Number && Math.Abs(got.GetDouble() - (double)expected.Value) < 1e-9;
            if (!ok) failures.Add($"{c.GetProperty("formula").GetString()}: expected {expected?.ToString() ?? "blank"}, got {got}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
