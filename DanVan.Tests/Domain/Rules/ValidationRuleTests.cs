using DanVan.Domain.Common;
using DanVan.Domain.Rules;

namespace DanVan.Tests.Domain.Rules;

public class ValidationRuleTests
{
    private const string LandRecordsMessage =
        "Tổng số hồ sơ ({left}) khác kỳ trước chuyển qua + tiếp nhận mới ({right.detail} = {right})";

    private static ValidationRule LandRecordsRule(Severity severity = Severity.Error) =>
        ValidationRule.Create(1, "HS.DD.TONG=KYTRUOC+MOI", "HS.DD.TONG", RuleOperator.Equal, "HS.DD.KYTRUOC + HS.DD.MOI",
            severity, LandRecordsMessage);

    [Fact]
    public void The_model_reports_land_records_error_is_caught_with_the_arithmetic_shown()
    {
        var violation = LandRecordsRule().Check(DictionaryValues.LandRecords());

        Assert.NotNull(violation);
        Assert.Equal(
            "Tổng số hồ sơ (19.388) khác kỳ trước chuyển qua + tiếp nhận mới (4.058 + 15.338 = 19.396)",
            violation.Message);
        Assert.Equal("HS.DD.TONG=KYTRUOC+MOI", violation.RuleCode);
        Assert.Equal(Severity.Error, violation.Severity);
        Assert.Equal(19388m, violation.Left);
        Assert.Equal(19396m, violation.Right);
    }

    [Fact]
    public void A_rule_that_holds_has_no_violation() =>
        Assert.Null(LandRecordsRule().Check(DictionaryValues.LandRecords(total: 19396)));

    [Theory]
    [InlineData(null, 4058, 15338)]
    [InlineData(19388, null, 15338)]
    [InlineData(19388, 4058, null)]
    [InlineData(null, null, null)]
    public void A_rule_with_a_blank_figure_cannot_be_judged(int? total, int? carriedOver, int? received) =>
        Assert.Null(LandRecordsRule().Check(DictionaryValues.LandRecords(total, carriedOver, received)));

    [Fact]
    public void A_warning_rule_reports_its_severity() =>
        Assert.Equal(Severity.Warning, LandRecordsRule(Severity.Warning).Check(DictionaryValues.LandRecords())!.Severity);

    [Theory]
    [InlineData(23, 515, false)]
    [InlineData(515, 515, false)]
    [InlineData(516, 515, true)]
    public void Less_or_equal_rule_allows_equal_values(int manyNames, int total, bool violated)
    {
        var rule = ValidationRule.Create(1, "DON.NHIEUNGUOI<=TONG", "DON.NHIEUNGUOI", RuleOperator.LessOrEqual, "DON.TONG",
            Severity.Error, "Đơn nhiều người đứng tên ({left}) lớn hơn tổng số đơn ({right})");
        var violation = rule.Check(new DictionaryValues(("DON.NHIEUNGUOI", manyNames), ("DON.TONG", total)));
        Assert.Equal(violated, violation is not null);
        if (violated) Assert.Equal("Đơn nhiều người đứng tên (516) lớn hơn tổng số đơn (515)", violation!.Message);
    }

    [Theory]
    [InlineData(RuleOperator.Equal, 1, 1, true)]
    [InlineData(RuleOperator.Equal, 1, 2, false)]
    [InlineData(RuleOperator.LessOrEqual, 2, 1, false)]
    [InlineData(RuleOperator.GreaterOrEqual, 1, 2, false)]
    [InlineData(RuleOperator.GreaterOrEqual, 2, 2, true)]
    [InlineData(RuleOperator.Less, 2, 2, false)]
    [InlineData(RuleOperator.Less, 1, 2, true)]
    [InlineData(RuleOperator.Greater, 2, 2, false)]
    [InlineData(RuleOperator.Greater, 3, 2, true)]
    public void Each_operator_compares_as_its_symbol_says(RuleOperator op, int left, int right, bool holds)
    {
        Assert.Equal(holds, op.Holds(left, right));
        var rule = ValidationRule.Create(1, "R", "A", op, "B", Severity.Error, "{A} {B}");
        Assert.Equal(holds, rule.Check(new DictionaryValues(("A", left), ("B", right))) is null);
    }

    [Theory]
    [InlineData("=", RuleOperator.Equal)]
    [InlineData("==", RuleOperator.Equal)]
    [InlineData("<=", RuleOperator.LessOrEqual)]
    [InlineData("≤", RuleOperator.LessOrEqual)]
    [InlineData(" >= ", RuleOperator.GreaterOrEqual)]
    [InlineData("≥", RuleOperator.GreaterOrEqual)]
    [InlineData("<", RuleOperator.Less)]
    [InlineData(">", RuleOperator.Greater)]
    public void Operator_symbols_are_read(string symbol, RuleOperator op)
    {
        Assert.Equal(op, RuleOperatorText.Parse(symbol));
        Assert.Equal(op, RuleOperatorText.Parse(op.Symbol()));
    }

    [Fact]
    public void An_unknown_operator_symbol_is_refused_in_Vietnamese() =>
        Assert.Contains("không hợp lệ", Assert.Throws<FormatException>(() => RuleOperatorText.Parse("<>")).Message);

    [Fact]
    public void Message_placeholders_can_name_any_code()
    {
        var rule = ValidationRule.Create(1, "R", "HS.DD.TONG", RuleOperator.Equal, "HS.DD.KYTRUOC + HS.DD.MOI", Severity.Error,
            "Tổng {hs.dd.tong}, kỳ trước {HS.DD.KYTRUOC}, mới {HS.DD.MOI}, thiếu {HS.DD.DAGQ}; {left.detail} / {right.detail}");
        Assert.Equal(
            "Tổng 19.388, kỳ trước 4.058, mới 15.338, thiếu …; 19.388 / 4.058 + 15.338",
            rule.RenderMessage(DictionaryValues.LandRecords()));
    }

    [Fact]
    public void Text_in_braces_that_is_not_a_placeholder_is_kept() =>
        Assert.Equal("{1} { } 5",
            ValidationRule.Create(1, "R", "A", RuleOperator.Equal, "B", Severity.Error, "{1} { } {A}")
                .RenderMessage(new DictionaryValues(("A", 5))));

    [Fact]
    public void Create_trims_and_keeps_the_parts()
    {
        var rule = ValidationRule.Create(7, "  R1  ", " A ", RuleOperator.GreaterOrEqual, " B + C ", Severity.Warning, "  msg  ");
        Assert.Equal(7, rule.TemplateId);
        Assert.Equal("R1", rule.Code);
        Assert.Equal("A", rule.Left);
        Assert.Equal("B + C", rule.Right);
        Assert.Equal("msg", rule.Message);
        Assert.Equal(RuleOperator.GreaterOrEqual, rule.Operator);
        Assert.Equal(Severity.Warning, rule.Severity);
        Assert.False(rule.IsRetired);
    }

    [Fact]
    public void A_rule_with_a_bad_expression_is_refused_with_the_parser_message()
    {
        var ex = Assert.Throws<DomainException>(() =>
            ValidationRule.Create(1, "R9", "A +", RuleOperator.Equal, "B", Severity.Error, "msg"));
        Assert.Equal("Quy tắc R9: Biểu thức kết thúc đột ngột ở vị trí 4: còn thiếu số hoặc mã chỉ tiêu.", ex.Message);
    }

    [Fact]
    public void A_rule_with_a_bad_right_side_is_refused() =>
        Assert.Throws<DomainException>(() => ValidationRule.Create(1, "R", "A", RuleOperator.Equal, "FOO(B)", Severity.Error, "m"));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_rule_without_a_code_is_refused(string code) =>
        Assert.Equal("Mã quy tắc phải có từ 1 đến 64 ký tự.",
            Assert.Throws<DomainException>(() => ValidationRule.Create(1, code, "A", RuleOperator.Equal, "B", Severity.Error, "m")).Message);

    [Fact]
    public void A_rule_code_longer_than_64_characters_is_refused() =>
        Assert.Throws<DomainException>(() =>
            ValidationRule.Create(1, new string('R', 65), "A", RuleOperator.Equal, "B", Severity.Error, "m"));

    [Fact]
    public void A_rule_without_a_message_is_refused() =>
        Assert.Equal("Quy tắc R chưa có thông báo.",
            Assert.Throws<DomainException>(() => ValidationRule.Create(1, "R", "A", RuleOperator.Equal, "B", Severity.Error, " ")).Message);

    [Fact]
    public void A_rule_lists_the_codes_it_reads_from_the_current_period()
    {
        var rule = LandRecordsRule();
        Assert.Equal(new HashSet<string> { "HS.DD.TONG", "HS.DD.KYTRUOC", "HS.DD.MOI" }, rule.CurrentCodes.ToHashSet());
        Assert.Contains("hs.dd.tong", rule.CurrentCodes);
        Assert.False(rule.IsAcrossPeriods);
    }

    [Fact]
    public void A_carried_over_rule_compares_with_the_period_before()
    {
        var rule = ValidationRule.Create(1, "HS.DD.KYTRUOC=PREV", "HS.DD.KYTRUOC", RuleOperator.Equal, "PREV(HS.DD.DANGGQ)",
            Severity.Error, "Kỳ trước chuyển qua ({left}) khác số đang giải quyết của kỳ trước ({right})");
        Assert.True(rule.IsAcrossPeriods);
        Assert.Equal(["HS.DD.KYTRUOC"], rule.CurrentCodes);

        var values = new DictionaryValues(
            new Dictionary<string, decimal?> { ["HS.DD.KYTRUOC"] = 4058 },
            new Dictionary<string, decimal?> { ["HS.DD.DANGGQ"] = 4000 });
        Assert.Equal("Kỳ trước chuyển qua (4.058) khác số đang giải quyết của kỳ trước (4.000)", rule.Check(values)!.Message);

        var noPrevious = new DictionaryValues(("HS.DD.KYTRUOC", 4058));
        Assert.Null(rule.Check(noPrevious));
    }
}
