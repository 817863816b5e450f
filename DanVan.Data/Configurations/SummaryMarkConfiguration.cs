using DanVan.Domain.Notifications;
using DanVan.Domain.Periods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class SummaryMarkConfiguration : IEntityTypeConfiguration<SummaryMark>
{
    public void Configure(EntityTypeBuilder<SummaryMark> builder)
    {
        builder.HasKey(m => new { m.PeriodId, m.Day });
        builder.HasOne<ReportingPeriod>().WithMany().HasForeignKey(m => m.PeriodId).OnDelete(DeleteBehavior.Cascade);
    }
}
