using DanVan.Domain.Organization;
using DanVan.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class OutlineSectionConfiguration : IEntityTypeConfiguration<OutlineSection>
{
    public void Configure(EntityTypeBuilder<OutlineSection> builder)
    {
        builder.HasIndex(s => new { s.TemplateId, s.Key }).IsUnique();
        builder.Property(s => s.Key).HasMaxLength(OutlineSection.MaxKeyLength);
        builder.Property(s => s.ParentKey).HasMaxLength(OutlineSection.MaxKeyLength);
        builder.Property(s => s.Title).HasMaxLength(OutlineSection.MaxTitleLength);
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.WriterUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
