using DanVan.Domain.Common;
using DanVan.Domain.Expressions;
using DanVan.Domain.Reports;

namespace DanVan.Domain.Rules;

/// <summary>
/// Quy tắc kiểm tra: "left operator right" over indicator codes, with a Vietnamese message template in which
/// {left}, {right}, {left.detail}, {right.detail} and {CODE} are replaced by formatted numbers.
/// </summary>
public class ValidationRule
{
    public const int MaxCodeLength = 64;
    public const int MaxMessageLength = 2000;

    private Expr? _left;
    private Expr? _right;

    private ValidationRule()
    {
        Code = "";
        Left = "";
        Right = "";
        Message = "";
    }

    public int Id { get; private set; }
    public int TemplateId { get; private set; }
    public string Code { get; private set; }
    public string Left { get; private set; }
    public RuleOperator Operator { get; private set; }
    public string Right { get; private set; }
    public Severity Severity { get; private set; }
    public string Message { get; private set; }
    public bool IsRetired { get; private set; }

    public Expr LeftExpr => _left ??= ExpressionParser.Parse(Left);
    public Expr RightExpr => _right ??= ExpressionParser.Parse(Right);

    /// <summary>True when the rule compares with the period before (uses PREV).</summary>
    public bool IsAcrossPeriods => LeftExpr.PreviousCodes().Concat(RightExpr.PreviousCodes()).Any();

    /// <summary>The codes of the left side: the figures the rule checks (where a unit's explanation is noted).</summary>
    public IReadOnlyList<string> CheckedCodes => LeftExpr.CurrentCodes().Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public IReadOnlySet<string> CurrentCodes =>
        LeftExpr.CurrentCodes().Concat(RightExpr.CurrentCodes()).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static ValidationRule Create(
        int templateId, string code, string left, RuleOperator op, string right, Severity severity, string message)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength)
            throw new DomainException($"Mã quy tắc phải có từ 1 đến {MaxCodeLength} ký tự.");
        var rule = new ValidationRule { TemplateId = templateId, Code = code.Trim() };
        rule.Update(left, op, right, severity, message);
        return rule;
    }

    /// <summary>Everything but the code (explanations of past periods refer to it).</summary>
    public void Update(string left, RuleOperator op, string right, Severity severity, string message)
    {
        if (string.IsNullOrWhiteSpace(message)) throw new DomainException($"Quy tắc {Code} chưa có thông báo.");
        if (message.Trim().Length > MaxMessageLength) throw new DomainException($"Thông báo của quy tắc {Code} dài quá {MaxMessageLength} ký tự.");
        if (!Enum.IsDefined(op)) throw new DomainException($"Quy tắc {Code}: phép so sánh không hợp lệ.");
        if (!Enum.IsDefined(severity)) throw new DomainException($"Quy tắc {Code}: mức độ không hợp lệ.");
        Expr parsedLeft, parsedRight;
        try
        {
            parsedLeft = ExpressionParser.Parse(left ?? "");
            parsedRight = ExpressionParser.Parse(right ?? "");
        }
        catch (ExpressionException ex)
        {
            throw new DomainException($"Quy tắc {Code}: {ex.Message}");
        }
        Left = left!.Trim();
        Operator = op;
        Right = right!.Trim();
        Severity = severity;
        Message = message.Trim();
        _left = parsedLeft;
        _right = parsedRight;
    }

    /// <summary>The violation, or null when the rule holds or cannot be judged because a figure is blank.</summary>
    public Violation? Check(IValueSource values)
    {
        if (LeftExpr.Evaluate(values) is not { } left || RightExpr.Evaluate(values) is not { } right) return null;
        return Operator.Holds(left, right) ? null : new Violation(Code, RenderMessage(values), Severity, left, right);
    }

    public string RenderMessage(IValueSource values) => PlaceholderSyntax.Replace(Message, m => m.Option is not null
        ? Message.Substring(m.Index, m.Length) // an option belongs to report texts; a message shows it as typed
        : m.Name switch
        {
            "left" => Expr.Format(LeftExpr.Evaluate(values)),
            "right" => Expr.Format(RightExpr.Evaluate(values)),
            "left.detail" => LeftExpr.Detail(values),
            "right.detail" => RightExpr.Detail(values),
            _ => Expr.Format(values.Current(m.Name.ToUpperInvariant())),
        });
}

public sealed record Violation(string RuleCode, string Message, Severity Severity, decimal Left, decimal Right);
