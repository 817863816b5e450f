using DanVan.Domain.Reports;
using DanVan.Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class NarrativeConfiguration : IEntityTypeConfiguration<Narrative>
{
    public void Configure(EntityTypeBuilder<Narrative> builder)
    {
        builder.HasIndex(n => new { n.SubmissionId, n.SectionKey }).IsUnique();
        builder.Property(n => n.SectionKey).HasMaxLength(OutlineSection.MaxKeyLength);
        builder.Property(n => n.Text).HasMaxLength(Submission.MaxNarrativeLength);
    }
}
