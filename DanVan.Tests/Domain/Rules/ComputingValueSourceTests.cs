using DanVan.Domain.Expressions;

namespace DanVan.Tests.Domain.Rules;

public class ComputingValueSourceTests
{
    private static ComputingValueSource Source(
        Dictionary<string, decimal?> entered, Dictionary<string, string> formulas, IValueSource? previous = null) =>
        new(entered, formulas.ToDictionary(f => f.Key, f => ExpressionParser.Parse(f.Value), StringComparer.OrdinalIgnoreCase), previous);

    [Fact]
    public void A_computed_indicator_is_evaluated_from_entered_values()
    {
        var source = Source(
            new() { ["HS.SO.DUNGHAN"] = 28509, ["HS.SO.DAGQ"] = 28916 },
            new() { ["HS.SO.DUNGHAN.TYLE"] = "HS.SO.DUNGHAN * 100 / HS.SO.DAGQ" });
        Assert.Equal(98.6m, Math.Round(source.Current("HS.SO.DUNGHAN.TYLE")!.Value, 1));
        Assert.Equal(28509m, source.Current("HS.SO.DUNGHAN"));
    }

    [Fact]
    public void A_computed_indicator_may_use_another_one()
    {
        var source = Source(
            new() { ["HS.SO.TONG"] = 30615, ["HS.DD.KYTRUOC"] = 4058, ["HS.DD.MOI"] = 15338 },
            new() { ["HS.DD.TONG"] = "HS.DD.KYTRUOC + HS.DD.MOI", ["HS.TONG"] = "HS.SO.TONG + HS.DD.TONG" });
        Assert.Equal(50011m, source.Current("HS.TONG"));
    }

    [Fact]
    public void A_formula_takes_precedence_over_an_entered_value()
    {
        var source = Source(new() { ["A"] = 1, ["T"] = 99 }, new() { ["T"] = "A + 1" });
        Assert.Equal(2m, source.Current("T"));
    }

    [Fact]
    public void A_cycle_yields_blank_instead_of_overflowing()
    {
        var source = Source(new(), new() { ["A"] = "B + 1", ["B"] = "A + 1" });
        Assert.Null(source.Current("A"));
        Assert.Null(source.Current("B"));
    }

    [Fact]
    public void A_formula_over_a_blank_value_is_blank()
    {
        var source = Source(new() { ["A"] = null }, new() { ["T"] = "A + 1" });
        Assert.Null(source.Current("T"));
        Assert.Null(source.Current("UNKNOWN"));
    }

    [Fact]
    public void Previous_values_come_from_the_previous_source()
    {
        var previous = Source(new() { ["HS.DD.DANGGQ"] = 3424 }, new());
        var current = Source(new() { ["HS.DD.KYTRUOC"] = 3424 }, new() { ["DIFF"] = "HS.DD.KYTRUOC - PREV(HS.DD.DANGGQ)" }, previous);
        Assert.Equal(3424m, current.Previous("HS.DD.DANGGQ"));
        Assert.Equal(0m, current.Current("DIFF"));
        Assert.Null(Source(new(), new()).Previous("HS.DD.DANGGQ"));
    }
}
