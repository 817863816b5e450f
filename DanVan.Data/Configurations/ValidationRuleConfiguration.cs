using DanVan.Domain.Expressions;
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
        builder.Property(r => r.Code).HasMaxLength(ValidationRule.MaxCodeLength);
        builder.Property(r => r.Left).HasMaxLength(ExpressionParser.MaxLength);
        builder.Property(r => r.Right).HasMaxLength(ExpressionParser.MaxLength);
        builder.Property(r => r.Message).HasMaxLength(ValidationRule.MaxMessageLength);
        builder.Ignore(r => r.LeftExpr);
        builder.Ignore(r => r.RightExpr);
        builder.Ignore(r => r.IsAcrossPeriods);
        builder.Ignore(r => r.CurrentCodes);
        builder.HasOne<ReportTemplate>().WithMany().HasForeignKey(r => r.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}
