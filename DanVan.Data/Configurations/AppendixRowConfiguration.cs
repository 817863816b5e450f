using DanVan.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class AppendixRowConfiguration : IEntityTypeConfiguration<AppendixRow>
{
    public void Configure(EntityTypeBuilder<AppendixRow> builder)
    {
        builder.HasIndex(r => new { r.TemplateId, r.Order });
        builder.Property(r => r.Text).HasMaxLength(AppendixRow.MaxTextLength);
    }
}
