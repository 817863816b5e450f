using DanVan.Domain.Periods;
using DanVan.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> builder)
    {
        builder.HasIndex(p => p.Code).IsUnique();
        builder.HasIndex(p => p.CutoffTo);
        builder.Property(p => p.Code).HasMaxLength(16);
        builder.Property(p => p.Name).HasMaxLength(64);
        builder.Ignore(p => p.PeriodCode);
        builder.Ignore(p => p.ReminderOffsetList);
        builder.Property(p => p.ReminderOffsets).HasMaxLength(DanVan.Domain.Notifications.ReminderSchedule.MaxTextLength)
            .HasDefaultValue(DanVan.Domain.Notifications.ReminderSchedule.DefaultOffsets);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Navigation(p => p.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<ReportTemplate>().WithMany().HasForeignKey(p => p.TemplateId).OnDelete(DeleteBehavior.Restrict);
    }
}
