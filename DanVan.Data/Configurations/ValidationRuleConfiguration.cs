using DanVan.Domain.Reports;
using DanVan.Domain.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class ValidationRuleConfiguration : IEntityTypeConfiguration<ValidationRule>
{
    public void Configure(EntityTypeBuilder<ValidationRule> builder)
    {
        builder.HasIndex(r => new { r.TemplateId, r.Code }).IsUnique();
        builder.Property(r => r.Code).HasMaxLength(64);
        builder.Property(r => r.Left).HasMaxLength(4000);
        builder.Property(r => r.Right).HasMaxLength(4000);
        builder.Property(r => r.Message).HasMaxLength(2000);
        builder.Ignore(r => r.LeftExpr);
        builder.Ignore(r => r.RightExpr);
        builder.Ignore(r => r.IsAcrossPeriods);
        builder.Ignore(r => r.CurrentCodes);
        builder.HasOne<ReportTemplate>().WithMany().HasForeignKey(r => r.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}
