using DanVan.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class ReportRevisionConfiguration : IEntityTypeConfiguration<ReportRevision>
{
    public void Configure(EntityTypeBuilder<ReportRevision> builder)
    {
        builder.HasIndex(r => new { r.ReportId, r.Step }).IsUnique();
        builder.Property(r => r.Step).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Sha256).HasMaxLength(64);
        builder.Property(r => r.UploadedBy).HasMaxLength(Report.MaxUserLength);
        builder.Property(r => r.SignerCommonName).HasMaxLength(ReportRevision.MaxTextLength);
        builder.Property(r => r.Organisation).HasMaxLength(ReportRevision.MaxTextLength);
        builder.Property(r => r.Issuer).HasMaxLength(ReportRevision.MaxTextLength);
        builder.Property(r => r.Serial).HasMaxLength(ReportRevision.MaxTextLength);
        builder.Ignore(r => r.Signature);
        builder.HasOne<Report>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}
