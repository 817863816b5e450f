using DanVan.Domain.Expressions;

namespace DanVan.Tests.Domain.Rules;

/// <summary>Detail shows the arithmetic of a rule with the figures in place of the codes.</summary>
public class ExpressionDetailTests
{
    private static string Detail(string expression, IValueSource values) => ExpressionParser.Parse(expression).Detail(values);

    [Fact]
    public void Detail_shows_the_land_records_sum_with_Vietnamese_numbers() =>
        Assert.Equal("4.058 + 15.338", Detail("HS.DD.KYTRUOC + HS.DD.MOI", DictionaryValues.LandRecords()));

    [Fact]
    public void Detail_prints_a_blank_figure_as_an_ellipsis() =>
        Assert.Equal("4.058 + …", Detail("HS.DD.KYTRUOC + HS.DD.MOI", DictionaryValues.LandRecords(received: null)));

    [Fact]
    public void Detail_uses_Vietnamese_multiplication_and_division_signs() =>
        Assert.Equal("28.509 × 100 : 28.916",
            Detail("A * 100 / B", new DictionaryValues(("A", 28509), ("B", 28916))));

    [Fact]
    public void Detail_keeps_parentheses_around_a_sum_inside_a_product() =>
        Assert.Equal("(1 + 2) × 3", Detail("(A + B) * C", new DictionaryValues(("A", 1), ("B", 2), ("C", 3))));

    [Fact]
    public void Detail_drops_parentheses_that_change_nothing()
    {
        var values = new DictionaryValues(("A", 1), ("B", 2), ("C", 3));
        Assert.Equal("1 + 2 × 3", Detail("A + (B * C)", values));
        Assert.Equal("1 + 2 + 3", Detail("(A + B) + C", values));
    }

    [Fact]
    public void Detail_shows_decimals_with_a_comma() =>
        Assert.Equal("1,5 + 2", Detail("1.5 + A", new DictionaryValues(("A", 2))));

    [Fact]
    public void Detail_shows_previous_period_figures() =>
        Assert.Equal("3.424", Detail("PREV(HS.DD.DANGGQ)",
            new DictionaryValues(new Dictionary<string, decimal?>(), new Dictionary<string, decimal?> { ["HS.DD.DANGGQ"] = 3424 })));

    // The detail is shown to people next to the computed value, so it must read as the same arithmetic.
    [Fact]
    public void Detail_keeps_parentheses_around_a_subtracted_difference() =>
        Assert.Equal("10 - (4 - 3)", Detail("A - (B - C)", new DictionaryValues(("A", 10), ("B", 4), ("C", 3))));

    [Fact]
    public void Detail_keeps_parentheses_around_a_divisor_that_is_a_product() =>
        Assert.Equal("12 : (3 × 2)", Detail("A / (B * C)", new DictionaryValues(("A", 12), ("B", 3), ("C", 2))));

    [Fact]
    public void Detail_keeps_parentheses_around_a_negated_sum() =>
        Assert.Equal("-(1 + 2)", Detail("-(A + B)", new DictionaryValues(("A", 1), ("B", 2))));
}
