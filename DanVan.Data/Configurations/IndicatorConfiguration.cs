using DanVan.Domain.Expressions;
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
        builder.Property(i => i.Code).HasMaxLength(Indicator.MaxCodeLength);
        builder.Property(i => i.Name).HasMaxLength(Indicator.MaxNameLength);
        builder.Property(i => i.Measure).HasMaxLength(Indicator.MaxMeasureLength);
        builder.Property(i => i.GroupKey).HasMaxLength(OutlineSection.MaxKeyLength);
        builder.Property(i => i.Formula).HasMaxLength(ExpressionParser.MaxLength);
        builder.HasOne<ReportTemplate>().WithMany().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
