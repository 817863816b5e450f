using DanVan.Domain.Rules;

namespace DanVan.Tests.Domain.Rules;

public class RuleEvaluatorTests
{
    private static ValidationRule Rule(string code, string left, RuleOperator op, string right) =>
        ValidationRule.Create(1, code, left, op, right, Severity.Error, $"{code}: {{left}} / {{right}}");

    private static readonly ValidationRule LandTotal = Rule("DD.TONG", "HS.DD.TONG", RuleOperator.Equal, "HS.DD.KYTRUOC + HS.DD.MOI");
    private static readonly ValidationRule LandSolved = Rule("DD.DAGQ", "HS.DD.DAGQ", RuleOperator.Equal, "HS.DD.DUNGHAN + HS.DD.TREHAN");
    private static readonly ValidationRule CentreTotal = Rule("HS.TONG", "HS.TONG", RuleOperator.Equal, "HS.SO.TONG + HS.DD.TONG");
    private static readonly ValidationRule Letters = Rule("DON", "DON.NHIEUNGUOI", RuleOperator.LessOrEqual, "DON.TONG");
    private static readonly ValidationRule CarriedOver = Rule("DD.PREV", "HS.DD.KYTRUOC", RuleOperator.Equal, "PREV(HS.DD.DANGGQ)");

    private static readonly ValidationRule[] All = [LandTotal, LandSolved, CentreTotal, Letters, CarriedOver];

    [Fact]
    public void Rules_apply_to_a_unit_when_it_supplies_every_code_they_read()
    {
        var centre = new HashSet<string>(
            ["HS.DD.TONG", "HS.DD.KYTRUOC", "HS.DD.MOI", "HS.DD.DAGQ", "HS.DD.DUNGHAN", "HS.DD.TREHAN", "HS.DD.DANGGQ"],
            StringComparer.OrdinalIgnoreCase);

        Assert.Equal([LandTotal, LandSolved, CarriedOver], RuleEvaluator.ApplicableTo(All, centre));
    }

    [Fact]
    public void A_rule_that_reads_another_units_code_does_not_apply()
    {
        var partial = new HashSet<string>(["HS.TONG", "HS.DD.TONG"], StringComparer.OrdinalIgnoreCase);
        Assert.Empty(RuleEvaluator.ApplicableTo(All, partial));
    }

    [Fact]
    public void The_codes_of_the_period_before_do_not_have_to_be_in_the_set()
    {
        var only = new HashSet<string>(["HS.DD.KYTRUOC"]);
        Assert.Equal([CarriedOver], RuleEvaluator.ApplicableTo(All, only));
    }

    [Fact]
    public void No_codes_no_rules() =>
        Assert.Empty(RuleEvaluator.ApplicableTo(All, new HashSet<string>()));

    [Fact]
    public void Evaluate_returns_only_the_violated_rules()
    {
        var values = new DictionaryValues(
            ("HS.DD.TONG", 19388), ("HS.DD.KYTRUOC", 4058), ("HS.DD.MOI", 15338),
            ("HS.DD.DAGQ", 15964), ("HS.DD.DUNGHAN", 12154), ("HS.DD.TREHAN", 3810),
            ("DON.NHIEUNGUOI", 23), ("DON.TONG", 515));

        var violations = RuleEvaluator.Evaluate(All, values);

        var violation = Assert.Single(violations);
        Assert.Equal("DD.TONG", violation.RuleCode);
        Assert.Equal("DD.TONG: 19.388 / 19.396", violation.Message);
    }

    [Fact]
    public void Evaluate_with_all_figures_blank_finds_nothing() =>
        Assert.Empty(RuleEvaluator.Evaluate(All, new DictionaryValues()));
}
