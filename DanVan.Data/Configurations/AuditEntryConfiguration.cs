using DanVan.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasIndex(a => new { a.PeriodId, a.UnitId, a.IndicatorCode });
        builder.HasIndex(a => a.At);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.IndicatorCode).HasMaxLength(128);
        builder.Property(a => a.OldValue).HasMaxLength(100_000);
        builder.Property(a => a.NewValue).HasMaxLength(100_000);
        builder.Property(a => a.Reason).HasMaxLength(4000);
    }
}
