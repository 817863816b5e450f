using DanVan.Domain.Notifications;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class ManualReminderMarkConfiguration : IEntityTypeConfiguration<ManualReminderMark>
{
    public void Configure(EntityTypeBuilder<ManualReminderMark> builder)
    {
        builder.HasKey(m => new { m.PeriodId, m.UnitId });
        builder.HasOne<ReportingPeriod>().WithMany().HasForeignKey(m => m.PeriodId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
