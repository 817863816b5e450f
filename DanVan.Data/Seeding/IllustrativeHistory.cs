using System.Text;
using DanVan.Domain.Expressions;
using DanVan.Domain.Indicators;
using DanVan.Domain.Periods;
using DanVan.Domain.Rules;

namespace DanVan.Data.Seeding;

/// <summary>
/// The demo's illustrative history (“Dữ liệu minh họa”): periods 2019-H1 to 2020-Y, generated deterministically from
/// the model report's figures so that the dashboard's charts have a past. Demo mode only.
/// <para>
/// The rule: every count is the model figure × the year's level × the period's length (1 for six months, 2 for a
/// year) × a fixed pseudo-random spread of ±8 % (FNV-1a of seed, period and code); figures that are carried over
/// (both sides of a “X = PREV(Y)” rule) are stocks and are not multiplied by the length. Percentages and yes/no
/// figures are kept, blanks stay blank. Then the template's own rules, read as data, are made to hold: carried-over
/// figures are copied from the period before (or, for the last illustrative period, pinned to what the model period
/// says it carried over), sums are recomputed from their parts or, when a total is fixed, its parts are re-split in
/// proportion, and “≤” relations are clamped. The result is checked with <see cref="RuleEvaluator"/>; a violation
/// stops the seed.
/// </para>
/// </summary>
public static class IllustrativeHistory
{
    public const uint Seed = 8762021;
    public const decimal Spread = 0.08m;
    private const int MaxPasses = 20;

    /// <summary>The generated periods, oldest first, with the year's level relative to the model period.</summary>
    public static readonly IReadOnlyList<(PeriodCode Code, decimal Level)> Periods =
    [
        (PeriodCode.Parse("2019-H1"), 0.84m),
        (PeriodCode.Parse("2019-Y"), 0.84m),
        (PeriodCode.Parse("2020-H1"), 0.92m),
        (PeriodCode.Parse("2020-Y"), 0.92m),
    ];

    /// <summary>
    /// Values (entered indicators only) for each illustrative period. <paramref name="known"/> holds the real periods
    /// with their figures (the model period); <paramref name="model"/> is the figure set everything is scaled from.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> Generate(
        IReadOnlyDictionary<string, decimal?> model,
        IReadOnlyList<Indicator> indicators,
        IReadOnlyList<ValidationRule> rules,
        IReadOnlyList<ReportingPeriod> illustrative,
        IReadOnlyList<(ReportingPeriod Period, IReadOnlyDictionary<string, decimal?> Values)> known)
    {
        var entered = indicators.Where(i => !i.IsComputed && !i.IsRetired).ToList();
        var formulas = indicators.Where(i => i.IsComputed)
            .ToDictionary(i => i.Code, i => ExpressionParser.Parse(i.Formula!), StringComparer.OrdinalIgnoreCase);
        var active = rules.Where(r => !r.IsRetired).OrderBy(r => r.Id).ToList(); // template order: a total's first rule defines it
        var carries = active
            .Where(r => r.Operator == RuleOperator.Equal && r.LeftExpr is CodeExpr && r.RightExpr is PreviousExpr)
            .Select(r => (Target: ((CodeExpr)r.LeftExpr).Code, Source: ((PreviousExpr)r.RightExpr).Code))
            .ToList();
        var stocks = carries.SelectMany(c => new[] { c.Target, c.Source }).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var all = illustrative.Concat(known.Select(k => k.Period)).ToList();
        var values = new Dictionary<ReportingPeriod, IReadOnlyDictionary<string, decimal?>>();
        foreach (var (period, figures) in known) values[period] = figures;

        var result = new Dictionary<string, IReadOnlyDictionary<string, decimal?>>(StringComparer.Ordinal);
        foreach (var period in illustrative.OrderBy(p => p.CutoffTo).ThenBy(p => p.CutoffFrom))
        {
            var level = Periods.Single(p => p.Code.ToString() == period.Code).Level;
            // Six months count 1, a year 2: flows grow with the period's length, stocks do not.
            var length = Math.Round((period.CutoffTo.DayNumber - period.CutoffFrom.DayNumber + 1) / 182.5m, 1);
            var v = new Dictionary<string, decimal?>(StringComparer.OrdinalIgnoreCase);
            foreach (var indicator in entered)
            {
                var baseValue = model.GetValueOrDefault(indicator.Code);
                v[indicator.Code] = baseValue is not { } b || indicator.Kind != ValueKind.Count
                    ? baseValue
                    : Math.Max(0, Math.Round(b * level * (stocks.Contains(indicator.Code) ? 1 : length) * Wobble(period.Code, indicator.Code), MidpointRounding.AwayFromZero));
            }

            var pinned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var previous = PreviousPeriod.Of(period, all);
            var sameStart = values.Keys.FirstOrDefault(p => p.CutoffFrom == period.CutoffFrom && illustrative.Contains(p));
            foreach (var (target, source) in carries)
            {
                if (previous is not null && values.TryGetValue(previous, out var before))
                    v[target] = before.GetValueOrDefault(source);
                else if (sameStart is not null)
                    v[target] = values[sameStart].GetValueOrDefault(target); // periods that start together carry the same
                else
                    continue;
                pinned.Add(target);
            }
            foreach (var (next, after) in known.Select(k => (k.Period, k.Values)))
            {
                if (!ReferenceEquals(PreviousPeriod.Of(next, all), period)) continue;
                foreach (var (target, source) in carries)
                {
                    if (after.GetValueOrDefault(target) is not { } carried) continue;
                    v[source] = carried;
                    pinned.Add(source);
                }
            }

            new Solver(v, pinned, active).Run();

            var check = new ComputingValueSource(v, formulas,
                previous is not null && values.TryGetValue(previous, out var prev) ? new ComputingValueSource(prev, formulas) : null);
            var violations = RuleEvaluator.Evaluate(active, check);
            if (violations.Count > 0)
                throw new InvalidOperationException($"Illustrative period {period.Code} breaks {string.Join("; ", violations.Select(x => x.Message))}");
            values[period] = v;
            result[period.Code] = v;
        }
        return result;
    }

    /// <summary>A fixed factor in [1 − Spread, 1 + Spread] for a (period, code): FNV-1a, the same on every machine.</summary>
    public static decimal Wobble(string period, string code)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes($"{Seed}|{period}|{code}"))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        var unit = hash / (decimal)uint.MaxValue;
        return 1 + Spread * (2 * unit - 1);
    }

    /// <summary>Makes sum rules (“A = B + C …”) and order rules (“A ≤ B”) of the template hold, touching free figures only.</summary>
    private sealed class Solver
    {
        private readonly Dictionary<string, decimal?> _v;
        private readonly HashSet<string> _pinned;
        private readonly List<(string Left, List<string> Parts)> _sums = [];
        private readonly Dictionary<string, List<string>> _definitions = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<(string Small, string Large)> _orders = [];

        public Solver(Dictionary<string, decimal?> values, HashSet<string> pinned, IEnumerable<ValidationRule> rules)
        {
            _v = values;
            _pinned = pinned;
            foreach (var rule in rules)
            {
                if (rule.Operator == RuleOperator.Equal && rule.LeftExpr is CodeExpr left && Parts(rule.RightExpr) is { } parts)
                {
                    _sums.Add((left.Code, parts));
                    _definitions.TryAdd(left.Code, parts); // the first rule of a total defines it from its parts
                }
                else if (rule.LeftExpr is CodeExpr a && rule.RightExpr is CodeExpr b)
                {
                    if (rule.Operator == RuleOperator.LessOrEqual) _orders.Add((a.Code, b.Code));
                    else if (rule.Operator == RuleOperator.GreaterOrEqual) _orders.Add((b.Code, a.Code));
                }
            }
        }

        public void Run()
        {
            for (var pass = 0; pass < MaxPasses; pass++)
            {
                var before = _v.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
                foreach (var (left, parts) in _sums) Apply(left, parts);
                foreach (var (small, large) in _orders)
                {
                    if (Get(small) is not { } s || Get(large) is not { } l || s <= l) continue;
                    if (!_pinned.Contains(small)) Set(small, l);
                    else Set(large, s);
                }
                if (before.All(p => _v[p.Key] == p.Value)) return;
            }
        }

        private void Apply(string left, List<string> parts)
        {
            if (Get(left) is not { } total || parts.Any(p => Get(p) is null)) return;
            var sum = parts.Sum(p => Get(p)!.Value);
            if (sum == total) return;
            if (ReferenceEquals(_definitions[left], parts))
            {
                if (_pinned.Contains(left)) Resplit(left);
                else _v[left] = sum;
                return;
            }
            // A second rule for the same total: adjust one free part, preferably a total of its own (re-split below it).
            var free = parts.Where(p => !_pinned.Contains(p)).ToList();
            if (free.Count == 0) return;
            var part = free.LastOrDefault(_definitions.ContainsKey) ?? free[^1];
            Set(part, total - (sum - Get(part)!.Value));
        }

        private void Set(string code, decimal value)
        {
            if (_pinned.Contains(code)) return;
            _v[code] = Math.Max(0, value);
            if (_definitions.ContainsKey(code)) Resplit(code);
        }

        /// <summary>Spreads a total over its free parts in proportion to their current values (largest remainder).</summary>
        private void Resplit(string total)
        {
            var parts = _definitions[total];
            if (Get(total) is not { } target || parts.Any(p => Get(p) is null)) return;
            var free = parts.Where(p => !_pinned.Contains(p)).ToList();
            var remaining = Math.Max(0, target - parts.Where(_pinned.Contains).Sum(p => Get(p)!.Value));
            if (free.Count == 0) return;
            var weights = free.Select(p => Get(p)!.Value).ToList();
            var weightSum = weights.Sum();
            if (weightSum == 0) weights = free.Select(_ => 1m).ToList();
            weightSum = weights.Sum();
            var exact = weights.Select(w => remaining * w / weightSum).ToList();
            var shares = exact.Select(Math.Floor).ToList();
            var left = remaining - shares.Sum();
            foreach (var i in exact.Select((e, i) => (Fraction: e - Math.Floor(e), i)).OrderByDescending(x => x.Fraction).ThenBy(x => x.i).Select(x => x.i))
            {
                if (left <= 0) break;
                shares[i]++;
                left--;
            }
            for (var i = 0; i < free.Count; i++) Set(free[i], shares[i]);
        }

        private decimal? Get(string code) => _v.GetValueOrDefault(code);

        private static List<string>? Parts(Expr expr) => expr switch
        {
            CodeExpr c => [c.Code],
            BinaryExpr { Operator: '+' } b when Parts(b.Left) is { } l && Parts(b.Right) is { } r => [.. l, .. r],
            _ => null,
        };
    }
}
