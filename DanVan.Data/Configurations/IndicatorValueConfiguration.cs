using DanVan.Domain.Indicators;
using DanVan.Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        // Values are keyed by (period, unit, indicator); the index also serves set-based dashboard queries.
        builder.HasIndex(v => new { v.PeriodId, v.UnitId, v.IndicatorId }).IsUnique();
        builder.HasIndex(v => new { v.IndicatorId, v.PeriodId });
        builder.HasIndex(v => new { v.SubmissionId, v.IndicatorId }).IsUnique();
        builder.Property(v => v.Text).HasMaxLength(20_000);
        builder.Property(v => v.UpdatedBy).HasMaxLength(256);
        builder.Ignore(v => v.IsBlank);
        builder.Ignore(v => v.AuditText);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}
