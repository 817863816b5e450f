namespace DanVan.Domain.Rules;

public enum RuleOperator
{
    Equal = 0,
    LessOrEqual = 1,
    GreaterOrEqual = 2,
    Less = 3,
    Greater = 4,
}

public enum Severity
{
    /// <summary>Blocks “Gửi” unless the unit explains it (giải trình).</summary>
    Error = 0,
    /// <summary>Shown, never blocks.</summary>
    Warning = 1,
}

public static class RuleOperatorText
{
    public static string Symbol(this RuleOperator op) => op switch
    {
        RuleOperator.Equal => "=",
        RuleOperator.LessOrEqual => "<=",
        RuleOperator.GreaterOrEqual => ">=",
        RuleOperator.Less => "<",
        RuleOperator.Greater => ">",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public static RuleOperator Parse(string symbol) => symbol.Trim() switch
    {
        "=" or "==" => RuleOperator.Equal,
        "<=" or "≤" => RuleOperator.LessOrEqual,
        ">=" or "≥" => RuleOperator.GreaterOrEqual,
        "<" => RuleOperator.Less,
        ">" => RuleOperator.Greater,
        _ => throw new FormatException($"Phép so sánh “{symbol}” không hợp lệ (=, <=, >=, <, >)."),
    };

    public static bool Holds(this RuleOperator op, decimal left, decimal right) => op switch
    {
        RuleOperator.Equal => left == right,
        RuleOperator.LessOrEqual => left <= right,
        RuleOperator.GreaterOrEqual => left >= right,
        RuleOperator.Less => left < right,
        RuleOperator.Greater => left > right,
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
