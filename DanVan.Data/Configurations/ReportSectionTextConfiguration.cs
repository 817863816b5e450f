using DanVan.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class ReportSectionTextConfiguration : IEntityTypeConfiguration<ReportSectionText>
{
    public void Configure(EntityTypeBuilder<ReportSectionText> builder)
    {
        builder.HasIndex(t => new { t.ReportId, t.SectionKey }).IsUnique();
        builder.Property(t => t.SectionKey).HasMaxLength(OutlineSection.MaxKeyLength);
        builder.Property(t => t.Text).HasMaxLength(ReportSectionText.MaxTextLength);
    }
}
