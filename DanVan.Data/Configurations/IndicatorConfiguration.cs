using DanVan.Domain.Indicators;
using DanVan.Domain.Organization;
using DanVan.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.HasIndex(i => new { i.TemplateId, i.Code }).IsUnique();
        builder.Property(i => i.Code).HasMaxLength(64);
        builder.Property(i => i.Name).HasMaxLength(1000);
        builder.Property(i => i.Measure).HasMaxLength(32);
        builder.Property(i => i.GroupKey).HasMaxLength(128);
        builder.Property(i => i.Formula).HasMaxLength(4000);
        builder.HasOne<ReportTemplate>().WithMany().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
