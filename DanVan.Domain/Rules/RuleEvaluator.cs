using DanVan.Domain.Expressions;

namespace DanVan.Domain.Rules;

/// <summary>The one rule evaluator: entry forms, the API, the compiler's board and the admin's dry run all use it.</summary>
public static class RuleEvaluator
{
    /// <summary>Rules whose codes all belong to the given set (e.g. what one unit supplies).</summary>
    public static IEnumerable<ValidationRule> ApplicableTo(IEnumerable<ValidationRule> rules, IReadOnlySet<string> codes) =>
        rules.Where(r => !r.IsRetired && r.CurrentCodes.All(codes.Contains));

    public static IReadOnlyList<Violation> Evaluate(IEnumerable<ValidationRule> rules, IValueSource values) =>
        rules.Where(r => !r.IsRetired).Select(r => r.Check(values)).OfType<Violation>().ToList();
}
