using DanVan.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class ReportTemplateConfiguration : IEntityTypeConfiguration<ReportTemplate>
{
    public void Configure(EntityTypeBuilder<ReportTemplate> builder)
    {
        builder.HasIndex(t => new { t.Code, t.Version }).IsUnique();
        builder.Property(t => t.Code).HasMaxLength(ReportTemplate.MaxCodeLength);
        builder.Property(t => t.Name).HasMaxLength(ReportTemplate.MaxNameLength);
        builder.Property(t => t.TitleTemplate).HasMaxLength(ReportTemplate.MaxTitleLength);
        builder.Property(t => t.OpeningTemplate).HasMaxLength(ReportTemplate.MaxTextLength);
        builder.Property(t => t.ClosingTemplate).HasMaxLength(ReportTemplate.MaxTextLength);
        builder.Property(t => t.PublishedBy).HasMaxLength(ReportTemplate.MaxUserLength);
        builder.Property(t => t.UpdatedBy).HasMaxLength(ReportTemplate.MaxUserLength);
        builder.Property(t => t.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasMany(t => t.Sections).WithOne().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.AppendixRows).WithOne().HasForeignKey(r => r.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Sections).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(t => t.AppendixRows).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
