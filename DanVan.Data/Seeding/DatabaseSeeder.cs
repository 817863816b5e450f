using System.Text.Json;
using DanVan.Data.Identity;
using DanVan.Data.Periods;
using DanVan.Data.Templates;
using DanVan.Domain.Expressions;
using DanVan.Domain.Formatting;
using DanVan.Domain.Indicators;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Domain.Reports;
using DanVan.Domain.Rules;
using DanVan.Domain.Submissions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DanVan.Data.Seeding;

/// <summary>
/// Reference data on every start (roles, the organization, the dân vận template) and, in demo mode, the demo users,
/// period 2021-H1 with the model report's figures and text, period 2021-Y open for entry, and the illustrative
/// history 2019-H1 … 2020-Y (“Dữ liệu minh họa”) for the dashboard's charts. Idempotent.
/// </summary>
public sealed class DatabaseSeeder(
    DanVanDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock,
    SeedOptions options,
    ILogger<DatabaseSeeder> logger)
{
    public const string SeedUser = "hệ thống (dữ liệu mẫu)";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)), role);
        }

        var demo = SeedResources.Demo();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await db.Units.AnyAsync(ct)) await SeedOrganizationAsync(demo, ct);
            if (!await db.Templates.AnyAsync(ct)) await SeedTemplateAsync(ct);
            await tx.CommitAsync(ct);
        }

        if (options.Demo)
        {
            await SeedDemoUsersAsync(ct);
            if (!await db.Periods.AnyAsync(ct)) await SeedDemoPeriodsAsync(demo, ct);
        }
        else
        {
            await SeedBootstrapAdminAsync();
        }
    }

    private async Task SeedOrganizationAsync(DemoDocument demo, CancellationToken ct)
    {
        var agency = Unit.CreateAgency(demo.Agency.Code, demo.Agency.Name, demo.Agency.ParentAgency);
        db.Units.Add(agency);
        await db.SaveChangesAsync(ct);
        var order = 0;
        foreach (var unit in demo.Units) db.Units.Add(Unit.Create(unit.Code, unit.Name, agency, ++order));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded the organization: {Agency} with {Count} units", agency.Code, demo.Units.Count);
    }

    private async Task SeedTemplateAsync(CancellationToken ct)
    {
        var unitIds = await db.Units.ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var imported = TemplateImporter.Build(SeedResources.Template(), unitIds, clock.GetUtcNow());
        imported.Template.Publish(SeedUser, clock.GetUtcNow());
        db.Templates.Add(imported.Template);
        await db.SaveChangesAsync(ct);
        db.Indicators.AddRange(imported.Indicators.Select(f => f(imported.Template.Id)));
        db.Rules.AddRange(imported.Rules.Select(f => f(imported.Template.Id)));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded template {Code} v{Version}", imported.Template.Code, imported.Template.Version);
    }

    private async Task SeedDemoUsersAsync(CancellationToken ct)
    {
        var unitIds = await db.Units.ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        foreach (var demoUser in DemoUsers.All)
        {
            if (await users.FindByEmailAsync(demoUser.Email) is not null) continue;
            var user = new AppUser
            {
                UserName = demoUser.Email,
                Email = demoUser.Email,
                EmailConfirmed = true,
                FullName = demoUser.FullName,
                LockoutEnabled = true,
            };
            if (demoUser.UnitCode is not null) user.Units.Add(new UserUnit { UnitId = unitIds[demoUser.UnitCode] });
            Check(await users.CreateAsync(user, SeedOptions.DemoPassword), demoUser.Email);
            Check(await users.AddToRoleAsync(user, demoUser.Role), demoUser.Email);
        }
    }

    private async Task SeedBootstrapAdminAsync()
    {
        if (string.IsNullOrWhiteSpace(options.AdminEmail) || string.IsNullOrWhiteSpace(options.AdminPassword)) return;
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return;
        var admin = new AppUser
        {
            UserName = options.AdminEmail,
            Email = options.AdminEmail,
            EmailConfirmed = true,
            FullName = "Quản trị hệ thống",
            LockoutEnabled = true,
            // The password came from configuration, so someone else knows it: it must be changed at first sign-in.
            MustChangePassword = true,
        };
        Check(await users.CreateAsync(admin, options.AdminPassword), options.AdminEmail);
        Check(await users.AddToRoleAsync(admin, Roles.Admin), options.AdminEmail);
        logger.LogInformation("Created the first administrator {Email}", options.AdminEmail);
    }

    private async Task SeedDemoPeriodsAsync(DemoDocument demo, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var template = await TemplateVersions.CurrentAsync(db, ct) ?? throw new InvalidOperationException("No published template to open the demo periods with.");
        var units = await db.Units.ToDictionaryAsync(u => u.Code, ct);
        var indicators = await db.Indicators.Where(i => i.TemplateId == template.Id).ToListAsync(ct);
        var rules = await db.Rules.Where(r => r.TemplateId == template.Id).ToListAsync(ct);

        var h1 = ReportingPeriod.Create(PeriodCode.Parse(demo.Period), template.Id);
        h1.Lock();
        var year = ReportingPeriod.Create(new PeriodCode(h1.Year, PeriodKind.Year), template.Id);
        // The demo's open period must be open today, whatever today is: its deadlines follow the clock.
        var today = DanVan.Domain.Common.VietnamTime.Today(clock);
        year.SetDeadlines(today.AddDays(14), today.AddDays(20));
        var participants = await Participation.EligibleUnitIdsAsync(db, template.Id, ct);
        h1.Enrol(participants);
        year.Enrol(participants);
        db.Periods.AddRange(h1, year);
        await db.SaveChangesAsync(ct);

        var enteredAt = new DateTimeOffset(2021, 6, 4, 8, 0, 0, TimeSpan.FromHours(7));
        var formulas = indicators.Where(i => i.IsComputed).ToDictionary(i => i.Code, i => ExpressionParser.Parse(i.Formula!), StringComparer.OrdinalIgnoreCase);
        foreach (var unit in units.Values.Where(u => !u.IsAgency))
        {
            var submission = Submission.Start(h1.Id, unit.Id);
            db.Submissions.Add(submission);
            var own = indicators.Where(i => i.UnitId == unit.Id).ToList();
            foreach (var indicator in own.Where(i => !i.IsComputed))
            {
                if (!demo.Values.TryGetValue(indicator.Code, out var json) || json.ValueKind == JsonValueKind.Null) continue;
                var (number, text) = ReadValue(indicator, json);
                var audit = submission.SetValue(indicator, number, text, SeedUser, enteredAt);
                if (audit is not null) db.AuditEntries.Add(audit);
            }
            foreach (var narrative in demo.Narratives.Where(n => n.Unit == unit.Code))
            {
                var audit = submission.SetNarrative(narrative.Section, narrative.Text, SeedUser, enteredAt);
                if (audit is not null) db.AuditEntries.Add(audit);
            }

            var entered = own.Where(i => !i.IsComputed).ToDictionary(i => i.Code, i => submission.ValueOf(i.Id)?.Number, StringComparer.OrdinalIgnoreCase);
            var source = new ComputingValueSource(entered, formulas);
            var ownCodes = own.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var violations = RuleEvaluator.Evaluate(RuleEvaluator.ApplicableTo(rules, ownCodes), source);
            var explanations = demo.Explanations.Where(e => e.Unit == unit.Code).ToDictionary(e => e.Rule, e => e.Text);
            db.AuditEntries.Add(submission.Submit(own, violations, explanations, SeedUser, enteredAt.AddDays(1)));
            db.AuditEntries.Add(submission.Accept(SeedUser, enteredAt.AddDays(2)));
        }

        var r = demo.Report;
        var report = Report.Start(h1.Id, new ReportMetadata(
            r.Number, r.Place, r.Date, r.ParentAgency, r.Agency, r.RequestReference, r.Recipients,
            ReportStateText.ParseAuthority(r.SignerAuthority), r.SignerTitle, r.DeputyTitle, r.SignerName));
        foreach (var (key, text) in r.Sections) report.SetSectionText(key, text);
        db.Reports.Add(report);

        await db.SaveChangesAsync(ct);
        await SeedIllustrativeHistoryAsync(demo, h1, template.Id, units.Values.Where(u => !u.IsAgency).OrderBy(u => u.SortOrder).ToList(), indicators, rules, ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Seeded demo periods {H1} (accepted) and {Year} (open until {Deadline})", h1.Code, year.Code, year.UnitDeadline);
    }

    /// <summary>
    /// Demo only: locked, accepted illustrative periods before the model period (see <see cref="IllustrativeHistory"/>),
    /// so that the dashboard's charts have a history. From the second period on, one unit per period sends a day or two
    /// after its deadline, so that lateness shows too.
    /// </summary>
    private async Task SeedIllustrativeHistoryAsync(
        DemoDocument demo, ReportingPeriod model, int templateId, IReadOnlyList<Unit> units,
        IReadOnlyList<Indicator> indicators, IReadOnlyList<ValidationRule> rules, CancellationToken ct)
    {
        var periods = IllustrativeHistory.Periods.Select(p => ReportingPeriod.Create(p.Code, templateId, illustrative: true)).ToList();
        foreach (var period in periods)
        {
            period.Lock();
            period.Enrol(units.Select(u => u.Id));
        }
        db.Periods.AddRange(periods);
        await db.SaveChangesAsync(ct);

        var modelValues = new Dictionary<string, decimal?>(StringComparer.OrdinalIgnoreCase);
        foreach (var indicator in indicators.Where(i => !i.IsComputed))
        {
            modelValues[indicator.Code] = demo.Values.TryGetValue(indicator.Code, out var json) && json.ValueKind != JsonValueKind.Null
                ? ReadValue(indicator, json).Number
                : null;
        }
        var generated = IllustrativeHistory.Generate(modelValues, indicators, rules, periods, [(model, modelValues)]);

        var local = TimeSpan.FromHours(7);
        for (var p = 0; p < periods.Count; p++)
        {
            var period = periods[p];
            var values = generated[period.Code];
            for (var u = 0; u < units.Count; u++)
            {
                var unit = units[u];
                var late = p > 0 && (p + u) % units.Count == units.Count - 1 ? 1 + p % 2 : 0;
                var sentAt = new DateTimeOffset(period.UnitDeadline.ToDateTime(new TimeOnly(15, 0)), local).AddDays(late == 0 ? -2 + u % 2 : late);
                var submission = Submission.Start(period.Id, unit.Id);
                db.Submissions.Add(submission);
                var own = indicators.Where(i => i.UnitId == unit.Id).ToList();
                foreach (var indicator in own.Where(i => !i.IsComputed))
                {
                    if (values.GetValueOrDefault(indicator.Code) is not { } number) continue;
                    var audit = submission.SetValue(indicator, number, null, SeedUser, sentAt.AddDays(-1));
                    if (audit is not null) db.AuditEntries.Add(audit);
                }
                db.AuditEntries.Add(submission.Submit(own, [], new Dictionary<string, string>(), SeedUser, sentAt));
                db.AuditEntries.Add(submission.Accept(SeedUser, sentAt.AddDays(1)));
            }
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded illustrative periods {Periods}", string.Join(", ", periods.Select(p => p.Code)));
    }

    private static (decimal? Number, string? Text) ReadValue(Indicator indicator, JsonElement json)
    {
        if (json.ValueKind == JsonValueKind.Number) return (json.GetDecimal(), null);
        var parsed = VietnameseNumberParser.Parse(json.GetString(), indicator.Kind);
        if (!parsed.IsValid) throw new InvalidOperationException($"Demo value of {indicator.Code}: {parsed.Error}");
        return (parsed.Number, parsed.Text);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
