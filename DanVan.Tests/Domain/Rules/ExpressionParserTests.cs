using DanVan.Domain.Expressions;

namespace DanVan.Tests.Domain.Rules;

public class ExpressionParserTests
{
    private static decimal? Eval(string expression, IValueSource? values = null) =>
        ExpressionParser.Parse(expression).Evaluate(values ?? new DictionaryValues());

    [Theory]
    [InlineData("2 + 3 * 4", 14)]
    [InlineData("2 * 3 + 4", 10)]
    [InlineData("(2 + 3) * 4", 20)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("10 - (4 - 3)", 9)]
    [InlineData("12 / 3 / 2", 2)]
    [InlineData("12 / (3 * 2)", 2)]
    [InlineData("2 + 12 / 4 - 1", 4)]
    [InlineData("((1 + 2))", 3)]
    [InlineData("-3 + 5", 2)]
    [InlineData("5 - -3", 8)]
    [InlineData("-(2 + 3) * 2", -10)]
    [InlineData("1.5 * 2", 3)]
    [InlineData("7", 7)]
    [InlineData("2+3*4", 14)]
    public void Multiplication_and_division_bind_tighter_than_addition_and_subtraction(string expression, double expected) =>
        Assert.Equal((decimal)expected, Eval(expression));

    [Fact]
    public void Codes_are_looked_up_in_upper_case()
    {
        var expr = ExpressionParser.Parse("hs.dd.kytruoc + HS.DD.Moi");
        Assert.Equal(new BinaryExpr('+', new CodeExpr("HS.DD.KYTRUOC"), new CodeExpr("HS.DD.MOI")), expr);
        Assert.Equal(19396m, expr.Evaluate(DictionaryValues.LandRecords()));
    }

    [Fact]
    public void Codes_may_contain_dots_digits_and_underscores() =>
        Assert.Equal(new CodeExpr("A_1.B2"), ExpressionParser.Parse("A_1.B2"));

    [Fact]
    public void A_trailing_dot_is_not_part_of_a_code() =>
        Assert.Throws<ExpressionException>(() => ExpressionParser.Parse("A."));

    [Fact]
    public void Prev_reads_the_period_before()
    {
        var expr = ExpressionParser.Parse("PREV(hs.dd.danggq)");
        Assert.Equal(new PreviousExpr("HS.DD.DANGGQ"), expr);
        var values = new DictionaryValues(
            new Dictionary<string, decimal?> { ["HS.DD.DANGGQ"] = 1 },
            new Dictionary<string, decimal?> { ["HS.DD.DANGGQ"] = 4058 });
        Assert.Equal(4058m, expr.Evaluate(values));
    }

    [Fact]
    public void Prev_is_case_insensitive_and_allows_spaces() =>
        Assert.Equal(new PreviousExpr("A"), ExpressionParser.Parse("prev ( a )"));

    [Fact]
    public void Current_and_previous_codes_are_listed_separately()
    {
        var expr = ExpressionParser.Parse("HS.DD.KYTRUOC - PREV(HS.DD.DANGGQ) + HS.DD.MOI * 2");
        Assert.Equal(["HS.DD.KYTRUOC", "HS.DD.MOI"], expr.CurrentCodes());
        Assert.Equal(["HS.DD.DANGGQ"], expr.PreviousCodes());
    }

    [Fact]
    public void A_blank_operand_makes_the_expression_blank()
    {
        Assert.Null(Eval("A + B", new DictionaryValues(("A", 1), ("B", null))));
        Assert.Null(Eval("A + B", new DictionaryValues(("A", 1))));
        Assert.Null(Eval("A * 0", new DictionaryValues()));
        Assert.Null(Eval("-A", new DictionaryValues()));
        Assert.Null(Eval("PREV(A) + 1", new DictionaryValues(("A", 1))));
    }

    [Fact]
    public void Blank_is_not_zero() =>
        Assert.Equal(0m, Eval("A + B", new DictionaryValues(("A", 0), ("B", 0))));

    [Fact]
    public void Division_by_zero_is_blank()
    {
        Assert.Null(Eval("5 / 0"));
        Assert.Null(Eval("A / B", new DictionaryValues(("A", 5), ("B", 0))));
        Assert.Null(Eval("1 + 5 / (2 - 2)"));
    }

    [Fact]
    public void Division_keeps_decimals()
    {
        var rate = Eval("HS.SO.DUNGHAN * 100 / HS.SO.DAGQ", new DictionaryValues(("HS.SO.DUNGHAN", 28509), ("HS.SO.DAGQ", 28916)));
        Assert.NotNull(rate);
        Assert.Equal(98.5925m, Math.Round(rate.Value, 4));
    }

    [Theory]
    [InlineData("A +", "Biểu thức kết thúc đột ngột ở vị trí 4: còn thiếu số hoặc mã chỉ tiêu.")]
    [InlineData("(A", "Thiếu “)” ở vị trí 3.")]
    [InlineData("FOO(A)", "Hàm “FOO” ở vị trí 1 không được hỗ trợ (chỉ có PREV).")]
    [InlineData("A $ B", "Ký tự không mong đợi “$” ở vị trí 3.")]
    [InlineData("", "Biểu thức trống.")]
    [InlineData("   ", "Biểu thức trống.")]
    [InlineData("PREV()", "PREV cần một mã chỉ tiêu ở vị trí 6.")]
    [InlineData("PREV(1)", "PREV cần một mã chỉ tiêu ở vị trí 6.")]
    [InlineData("PREV(A", "Thiếu “)” ở vị trí 7.")]
    [InlineData("A B", "Ký tự không mong đợi “B” ở vị trí 3.")]
    [InlineData("1.2.3", "Số “1.2.3” ở vị trí 1 không hợp lệ.")]
    [InlineData("A)", "Ký tự không mong đợi “)” ở vị trí 2.")]
    [InlineData("* A", "Ký tự không mong đợi “*” ở vị trí 1.")]
    public void Parse_errors_are_Vietnamese_and_point_at_the_problem(string expression, string message)
    {
        var ex = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(expression));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Nesting_deeper_than_64_levels_is_refused()
    {
        Assert.Equal(1m, Eval(new string('(', 64) + "1" + new string(')', 64)));
        var ex = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(new string('(', 65) + "1" + new string(')', 65)));
        Assert.StartsWith("Biểu thức lồng nhau quá sâu", ex.Message);
    }

    [Fact]
    public void Expressions_longer_than_the_limit_are_refused()
    {
        var text = string.Join(" + ", Enumerable.Repeat("A", ExpressionParser.MaxLength / 4 + 1));
        Assert.True(text.Length > ExpressionParser.MaxLength);
        Assert.Equal("Biểu thức quá dài.", Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(text)).Message);
    }

    [Fact]
    public void TryParse_returns_the_error_instead_of_throwing()
    {
        Assert.False(ExpressionParser.TryParse("A +", out var expr, out var error));
        Assert.Null(expr);
        Assert.Equal("Biểu thức kết thúc đột ngột ở vị trí 4: còn thiếu số hoặc mã chỉ tiêu.", error);

        Assert.True(ExpressionParser.TryParse("A + 1", out expr, out error));
        Assert.NotNull(expr);
        Assert.Null(error);
    }
}
