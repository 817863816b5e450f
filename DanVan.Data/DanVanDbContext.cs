using DanVan.Data.Identity;
using DanVan.Domain.Auditing;
using DanVan.Domain.Indicators;
using DanVan.Domain.Notifications;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Domain.Reports;
using DanVan.Domain.Rules;
using DanVan.Domain.Submissions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Data;

/// <summary>
/// The one context. Each provider has a subclass (<see cref="Providers.SqliteDanVanDbContext"/>,
/// <see cref="Providers.SqlServerDanVanDbContext"/>) so that each keeps its own migration set.
/// </summary>
public abstract class DanVanDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UserUnit> UserUnits => Set<UserUnit>();
    public DbSet<ReportingPeriod> Periods => Set<ReportingPeriod>();
    public DbSet<PeriodParticipant> PeriodParticipants => Set<PeriodParticipant>();
    public DbSet<ReportTemplate> Templates => Set<ReportTemplate>();
    public DbSet<OutlineSection> OutlineSections => Set<OutlineSection>();
    public DbSet<AppendixRow> AppendixRows => Set<AppendixRow>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<ValidationRule> Rules => Set<ValidationRule>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<IndicatorValue> Values => Set<IndicatorValue>();
    public DbSet<Narrative> Narratives => Set<Narrative>();
    public DbSet<Explanation> Explanations => Set<Explanation>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportSectionText> ReportSectionTexts => Set<ReportSectionText>();
    public DbSet<ReportRevision> ReportRevisions => Set<ReportRevision>();
    public DbSet<SigningSession> SigningSessions => Set<SigningSession>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ReminderMark> ReminderMarks => Set<ReminderMark>();
    public DbSet<SummaryMark> SummaryMarks => Set<SummaryMark>();
    public DbSet<ManualReminderMark> ManualReminderMarks => Set<ManualReminderMark>();
    public DbSet<EmailOptOut> EmailOptOuts => Set<EmailOptOut>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DanVanDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Figures are counts up to 10^12 and percents with two decimals: one precision for every provider.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        configurationBuilder.Properties<decimal?>().HavePrecision(18, 4);
    }
}
