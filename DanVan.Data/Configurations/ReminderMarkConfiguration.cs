using DanVan.Domain.Notifications;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class ReminderMarkConfiguration : IEntityTypeConfiguration<ReminderMark>
{
    public void Configure(EntityTypeBuilder<ReminderMark> builder)
    {
        // The key is the idempotency rule of decision 0026: one reminder per unit × period × offset.
        builder.HasKey(m => new { m.PeriodId, m.UnitId, m.OffsetDays });
        builder.HasOne<ReportingPeriod>().WithMany().HasForeignKey(m => m.PeriodId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
