using DanVan.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class ReportTemplateConfiguration : IEntityTypeConfiguration<ReportTemplate>
{
    public void Configure(EntityTypeBuilder<ReportTemplate> builder)
    {
        builder.HasIndex(t => new { t.Code, t.Version }).IsUnique();
        builder.Property(t => t.Code).HasMaxLength(32);
        builder.Property(t => t.Name).HasMaxLength(256);
        builder.Property(t => t.TitleTemplate).HasMaxLength(1000);
        builder.Property(t => t.OpeningTemplate).HasMaxLength(4000);
        builder.Property(t => t.ClosingTemplate).HasMaxLength(4000);
        builder.Property(t => t.PublishedBy).HasMaxLength(256);
        builder.Property(t => t.UpdatedBy).HasMaxLength(256);
        builder.Property(t => t.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasMany(t => t.Sections).WithOne().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.AppendixRows).WithOne().HasForeignKey(r => r.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Sections).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(t => t.AppendixRows).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
