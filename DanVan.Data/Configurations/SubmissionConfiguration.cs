using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.HasIndex(s => new { s.PeriodId, s.UnitId }).IsUnique();
        // Completeness by period (home pages, dashboard): counts by status and send dates read from the index alone.
        builder.HasIndex(s => new { s.PeriodId, s.Status, s.SubmittedAt });
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.ReturnComment).HasMaxLength(Submission.MaxCommentLength);
        builder.Property(s => s.SubmittedBy).HasMaxLength(256);
        builder.Property(s => s.ReviewedBy).HasMaxLength(256);
        builder.Property(s => s.LastChangedBy).HasMaxLength(256);
        builder.HasOne<ReportingPeriod>().WithMany().HasForeignKey(s => s.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Values).WithOne().HasForeignKey(v => v.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Narratives).WithOne().HasForeignKey(n => n.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Explanations).WithOne().HasForeignKey(e => e.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Values).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(s => s.Narratives).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(s => s.Explanations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
