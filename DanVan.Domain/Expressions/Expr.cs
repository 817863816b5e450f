using DanVan.Domain.Formatting;

namespace DanVan.Domain.Expressions;

/// <summary>Where an expression finds the values of indicator codes; null means blank (blank is not zero).</summary>
public interface IValueSource
{
    decimal? Current(string code);

    /// <summary>The value of a code in the period before (for carried-over figures).</summary>
    decimal? Previous(string code);
}

/// <summary>
/// The expression language of rules and computed indicators: codes, numbers, + − × ÷, parentheses and PREV(code).
/// Any blank operand, or a division by zero, makes the whole expression blank.
/// </summary>
public abstract record Expr
{
    public abstract decimal? Evaluate(IValueSource values);

    /// <summary>The expression with each code replaced by its formatted value: "4.058 + 15.338".</summary>
    public abstract string Detail(IValueSource values);

    public abstract IEnumerable<string> CurrentCodes();

    public abstract IEnumerable<string> PreviousCodes();

    internal static string Format(decimal? value) => value is { } v ? VietnameseFormat.Number(v, 2) : VietnameseFormat.Missing;
}

public sealed record NumberExpr(decimal Value) : Expr
{
    public override decimal? Evaluate(IValueSource values) => Value;
    public override string Detail(IValueSource values) => Format(Value);
    public override IEnumerable<string> CurrentCodes() => [];
    public override IEnumerable<string> PreviousCodes() => [];
}

public sealed record CodeExpr(string Code) : Expr
{
    public override decimal? Evaluate(IValueSource values) => values.Current(Code);
    public override string Detail(IValueSource values) => Format(values.Current(Code));
    public override IEnumerable<string> CurrentCodes() => [Code];
    public override IEnumerable<string> PreviousCodes() => [];
}

public sealed record PreviousExpr(string Code) : Expr
{
    public override decimal? Evaluate(IValueSource values) => values.Previous(Code);
    public override string Detail(IValueSource values) => Format(values.Previous(Code));
    public override IEnumerable<string> CurrentCodes() => [];
    public override IEnumerable<string> PreviousCodes() => [Code];
}

public sealed record NegateExpr(Expr Operand) : Expr
{
    public override decimal? Evaluate(IValueSource values) => -Operand.Evaluate(values);
    public override string Detail(IValueSource values) =>
        Operand is BinaryExpr ? "-(" + Operand.Detail(values) + ")" : "-" + Operand.Detail(values);
    public override IEnumerable<string> CurrentCodes() => Operand.CurrentCodes();
    public override IEnumerable<string> PreviousCodes() => Operand.PreviousCodes();
}

public sealed record BinaryExpr(char Operator, Expr Left, Expr Right) : Expr
{
    public override decimal? Evaluate(IValueSource values)
    {
        if (Left.Evaluate(values) is not { } l || Right.Evaluate(values) is not { } r) return null;
        try
        {
            return Operator switch
            {
                '+' => l + r,
                '-' => l - r,
                '*' => l * r,
                '/' => r == 0 ? null : l / r,
                _ => throw new InvalidOperationException($"Unknown operator {Operator}"),
            };
        }
        catch (OverflowException)
        {
            return null; // beyond decimal range: no figure can be stated
        }
    }

    public override string Detail(IValueSource values)
    {
        var symbol = Operator switch { '*' => "×", '/' => ":", _ => Operator.ToString() };
        return $"{Wrap(Left, values, isRight: false)} {symbol} {Wrap(Right, values, isRight: true)}";
    }

    private string Wrap(Expr operand, IValueSource values, bool isRight)
    {
        var needsParentheses = operand is BinaryExpr inner
            && (Precedence(inner.Operator) < Precedence(Operator)
                || (isRight && Precedence(inner.Operator) == Precedence(Operator) && Operator is '-' or '/'));
        return needsParentheses ? "(" + operand.Detail(values) + ")" : operand.Detail(values);
    }

    private static int Precedence(char op) => op is '*' or '/' ? 2 : 1;

    public override IEnumerable<string> CurrentCodes() => Left.CurrentCodes().Concat(Right.CurrentCodes());
    public override IEnumerable<string> PreviousCodes() => Left.PreviousCodes().Concat(Right.PreviousCodes());
}
