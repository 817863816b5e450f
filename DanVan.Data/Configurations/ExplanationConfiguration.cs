using DanVan.Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class ExplanationConfiguration : IEntityTypeConfiguration<Explanation>
{
    public void Configure(EntityTypeBuilder<Explanation> builder)
    {
        builder.HasIndex(e => new { e.SubmissionId, e.RuleCode }).IsUnique();
        builder.Property(e => e.RuleCode).HasMaxLength(64);
        builder.Property(e => e.Text).HasMaxLength(Submission.MaxCommentLength);
    }
}
