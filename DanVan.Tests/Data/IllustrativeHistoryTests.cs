using DanVan.Data;
using DanVan.Data.Seeding;
using DanVan.Domain.Expressions;
using DanVan.Domain.Indicators;
using DanVan.Domain.Periods;
using DanVan.Domain.Rules;
using DanVan.Domain.Submissions;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Data;

[Collection(SharedPortal.Name)]
public sealed class IllustrativeHistoryTests(DanVanFactory factory)
{
    private static readonly string[] Illustrative = ["2019-H1", "2019-Y", "2020-H1", "2020-Y"];

    [Fact]
    public async Task Demo_mode_adds_four_locked_illustrative_periods_with_every_submission_accepted()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();

        var periods = await db.Periods.Where(p => p.IsIllustrative).OrderBy(p => p.CutoffTo).ThenBy(p => p.CutoffFrom).ToListAsync();
        Assert.Equal(Illustrative, periods.Select(p => p.Code));
        Assert.All(periods, p => Assert.True(p.IsLocked));
        Assert.False(await db.Periods.AnyAsync(p => p.IsIllustrative && (p.Code == "2021-H1" || p.Code == "2021-Y")));

        var ids = periods.Select(p => p.Id).ToList();
        var statuses = await db.Submissions.Where(s => ids.Contains(s.PeriodId)).Select(s => s.Status).ToListAsync();
        Assert.Equal(16, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(SubmissionStatus.Accepted, s));
        Assert.False(await db.Explanations.AnyAsync(e => db.Submissions.Any(s => s.Id == e.SubmissionId && ids.Contains(s.PeriodId))));
    }

    [Fact]
    public async Task Every_rule_holds_in_every_illustrative_period_and_the_carry_over_chain_reaches_the_model_period()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var periods = await db.Periods.ToListAsync();
        var indicators = await db.Indicators.ToListAsync();
        var rules = await db.Rules.ToListAsync();
        var formulas = indicators.Where(i => i.IsComputed).ToDictionary(i => i.Code, i => ExpressionParser.Parse(i.Formula!), StringComparer.OrdinalIgnoreCase);

        foreach (var code in Illustrative.Append("2021-H1"))
        {
            var period = periods.Single(p => p.Code == code);
            var previous = PreviousPeriod.Of(period, periods);
            var values = await ValuesAsync(db, period.Id);
            var source = new ComputingValueSource(values, formulas,
                previous is null ? null : new ComputingValueSource(await ValuesAsync(db, previous.Id), formulas));

            var violations = RuleEvaluator.Evaluate(rules, source);
            if (code == "2021-H1")
            {
                // The model report's own error (19.388 ≠ 4.058 + 15.338) stays; the carried-over figures match 2020-Y.
                Assert.Equal(["R.HS.DD.TONG.NHAN"], violations.Select(v => v.RuleCode));
                Assert.Equal("2020-Y", previous?.Code);
                continue;
            }
            Assert.True(violations.Count == 0, $"{code}: {string.Join("; ", violations.Select(v => v.Message))}");
            foreach (var indicator in indicators.Where(i => i.IsRequired))
                Assert.True(values.GetValueOrDefault(indicator.Code) is not null, $"{code}: {indicator.Code} is blank");
            foreach (var indicator in indicators.Where(i => i.Kind == ValueKind.Count && !i.IsComputed))
            {
                if (values.GetValueOrDefault(indicator.Code) is not { } n) continue;
                Assert.True(n >= 0 && n == decimal.Truncate(n), $"{code}: {indicator.Code} = {n}");
            }
        }

        var y2020 = await ValuesAsync(db, periods.Single(p => p.Code == "2020-Y").Id);
        Assert.Equal(2353m, y2020["HS.SO.DANGGQ"]);
        Assert.Equal(4058m, y2020["HS.DD.DANGGQ"]);
        Assert.Equal(4370m, y2020["HS.DKDD.DANGGQ"]);
        // Periods that start on the same day carry over the same figures.
        var h1of2019 = await ValuesAsync(db, periods.Single(p => p.Code == "2019-H1").Id);
        var y2019 = await ValuesAsync(db, periods.Single(p => p.Code == "2019-Y").Id);
        Assert.Equal(h1of2019["HS.SO.KYTRUOC"], y2019["HS.SO.KYTRUOC"]);
        var h1of2020 = await ValuesAsync(db, periods.Single(p => p.Code == "2020-H1").Id);
        Assert.Equal(y2019["HS.DD.DANGGQ"], h1of2020["HS.DD.KYTRUOC"]);
        Assert.Equal(y2019["HS.DD.DANGGQ"], y2020["HS.DD.KYTRUOC"]);
    }

    [Fact]
    public async Task Generation_is_deterministic()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var indicators = await db.Indicators.ToListAsync();
        var rules = await db.Rules.ToListAsync();
        var model = await db.Periods.SingleAsync(p => p.Code == "2021-H1");
        var modelValues = await ValuesAsync(db, model.Id);
        foreach (var i in indicators.Where(i => !i.IsComputed)) modelValues.TryAdd(i.Code, null);

        IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> Run() => IllustrativeHistory.Generate(
            modelValues, indicators, rules,
            IllustrativeHistory.Periods.Select(p => ReportingPeriod.Create(p.Code, model.TemplateId, illustrative: true)).ToList(),
            [(model, modelValues)]);

        var first = Run();
        var second = Run();
        foreach (var code in Illustrative)
        {
            Assert.Equal(first[code].OrderBy(p => p.Key), second[code].OrderBy(p => p.Key));
            var stored = await ValuesAsync(db, (await db.Periods.SingleAsync(p => p.Code == code)).Id);
            Assert.All(stored, p => Assert.True(first[code][p.Key] == p.Value, $"{code} {p.Key}: generated {first[code][p.Key]}, stored {p.Value}"));
        }
    }

    [Fact]
    public async Task Without_demo_mode_no_period_and_no_illustrative_data_is_created()
    {
        await using var app = new NonDemoFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();

        Assert.True(await db.Indicators.AnyAsync()); // reference data is seeded …
        Assert.False(await db.Periods.AnyAsync()); // … but no period, illustrative or not
        Assert.False(await db.Values.AnyAsync());

        await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync(); // seeding again changes nothing
        Assert.False(await db.Periods.AnyAsync(p => p.IsIllustrative));
    }

    private static async Task<Dictionary<string, decimal?>> ValuesAsync(DanVanDbContext db, int periodId) =>
        await (from v in db.Values
               join i in db.Indicators on v.IndicatorId equals i.Id
               where v.PeriodId == periodId
               select new { i.Code, v.Number })
            .ToDictionaryAsync(x => x.Code, x => x.Number, StringComparer.OrdinalIgnoreCase);

    private sealed class NonDemoFactory : DanVanFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Seed:Demo"] = "false";
                return settings;
            }
        }
    }
}
