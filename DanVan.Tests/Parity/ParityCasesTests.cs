using DanVan.Domain.Common;
using DanVan.Domain.Expressions;
using DanVan.Domain.Formatting;

namespace DanVan.Tests.Parity;

/// <summary>The C# side of the shared table: VietnameseNumberParser and the expression evaluator.</summary>
public sealed class ParityCasesTests
{
    [Fact]
    public void The_number_parser_answers_every_case_of_the_shared_table()
    {
        var failures = new List<string>();
        foreach (var c in ParityCases.Numbers)
        {
            var input = c.GetProperty("input").GetString();
            var kind = ApiNames.ParseKind(c.GetProperty("kind").GetString())!.Value;
            var parsed = VietnameseNumberParser.Parse(input, kind);
            var blank = c.TryGetProperty("blank", out var b) && b.GetBoolean();
            var ok = blank ? parsed.IsBlank
                : ParityCases.Text(c, "error") is { } error ? parsed.Error == error
                : parsed.Error is null && parsed.Number == ParityCases.Decimal(c, "value");
            if (!ok) failures.Add($"“{input}” ({kind}): got {parsed}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_formula_evaluator_answers_every_case_of_the_shared_table()
    {
        var failures = new List<string>();
        foreach (var c in ParityCases.Formulas)
        {
            var formula = c.GetProperty("formula").GetString()!;
            var formulas = ParityCases.Map(c, "formulas", v => ExpressionParser.Parse(v.GetString()!));
            var previous = new ComputingValueSource(ParityCases.Map(c, "previous", v => (decimal?)v.GetDecimal()), formulas);
            var values = new ComputingValueSource(ParityCases.Map(c, "values", v => (decimal?)v.GetDecimal()), formulas, previous);
            var got = ExpressionParser.Parse(formula).Evaluate(values);
            var expected = ParityCases.Decimal(c, "expected");
            var ok = expected is null ? got is null : got is { } g && Math.Abs(g - expected.Value) < 0.000000001m;
            if (!ok) failures.Add($"{formula}: expected {expected?.ToString() ?? "blank"}, got {got?.ToString() ?? "blank"}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
