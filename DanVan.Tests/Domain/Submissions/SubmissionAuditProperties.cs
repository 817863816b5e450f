using DanVan.Domain.Submissions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static DanVan.Tests.Domain.Submissions.SubmissionFixture;

namespace DanVan.Tests.Domain.Submissions;

public class SubmissionAuditProperties
{
    /// <summary>Blank, small whole numbers (so repeats happen) and the same numbers with a decimal scale (5 vs 5.0).</summary>
    private static Gen<decimal?> Values() =>
        Gen.Frequency(
            (1, Gen.Constant<decimal?>(null)),
            (5, Gen.Choose(0, 5).Select(n => (decimal?)n)),
            (2, Gen.Choose(0, 5).Select(n => (decimal?)(n + 0.0m))),
            (2, Gen.Choose(0, 1_000_000).Select(n => (decimal?)n)));

    private static Arbitrary<(decimal? Value, bool Prefilled)[]> Sequences() =>
        Gen.Zip(Values(), Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true))))
            .ArrayOf()
            .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Audit_entries_of_one_indicator_chain_and_end_at_the_stored_value() =>
        Prop.ForAll(Sequences(), sequence =>
        {
            var s = Start();
            var indicator = Total;
            var entries = new List<(string? Old, string? New)>();
            var at = T0;
            foreach (var (value, prefilled) in sequence)
            {
                at = at.AddMinutes(1);
                var entry = s.SetValue(indicator, value, null, "canbo", at, prefilled: prefilled);
                if (entry is not null) entries.Add((entry.OldValue, entry.NewValue));
            }

            var stored = s.ValueOf(indicator.Id)?.AuditText;
            var chains = entries.Zip(entries.Skip(1)).All(pair => pair.First.New == pair.Second.Old);
            var startsBlank = entries.Count == 0 || entries[0].Old is null;
            var endsAtStored = entries.Count == 0 ? stored is null : entries[^1].New == stored;
            var neverNoOp = entries.All(e => e.Old != e.New);
            return (chains && startsBlank && endsAtStored && neverNoOp)
                .Label($"entries: {string.Join(" | ", entries.Select(e => $"{e.Old ?? "∅"}→{e.New ?? "∅"}"))}; stored {stored ?? "∅"}");
        });

    [Property(MaxTest = 200)]
    public Property The_stored_number_equals_the_last_value_set() =>
        Prop.ForAll(Values().NonEmptyListOf().ToArbitrary(), values =>
        {
            var s = Start();
            foreach (var value in values) s.SetValue(Total, value, null, "canbo", T0);
            return s.ValueOf(Total.Id)?.Number == values[^1];
        });
}
