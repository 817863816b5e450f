using DanVan.Domain.Periods;
using DanVan.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        // One current report per period; revoked ones stay beside it (decision 0021).
        builder.HasIndex(r => new { r.PeriodId, r.State });
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.Number).HasMaxLength(Report.MaxNumberLength);
        builder.Property(r => r.Place).HasMaxLength(Report.MaxPlaceLength);
        builder.Property(r => r.ParentAgency).HasMaxLength(Report.MaxAgencyLength);
        builder.Property(r => r.Agency).HasMaxLength(Report.MaxAgencyLength);
        builder.Property(r => r.RequestReference).HasMaxLength(Report.MaxRequestReferenceLength);
        builder.Property(r => r.RecipientsText).HasMaxLength(Report.MaxRecipientsTextLength);
        builder.Property(r => r.SignerTitle).HasMaxLength(Report.MaxSignerLength);
        builder.Property(r => r.DeputyTitle).HasMaxLength(Report.MaxSignerLength);
        builder.Property(r => r.SignerName).HasMaxLength(Report.MaxSignerLength);
        builder.Property(r => r.ReviewComment).HasMaxLength(Report.MaxCommentLength);
        builder.Property(r => r.IssuedBy).HasMaxLength(Report.MaxUserLength);
        builder.Property(r => r.PdfSha256).HasMaxLength(64);
        builder.Property(r => r.ApprovedBy).HasMaxLength(Report.MaxUserLength);
        builder.Property(r => r.RevokedBy).HasMaxLength(Report.MaxUserLength);
        builder.Property(r => r.RevokeReason).HasMaxLength(Report.MaxReasonLength);
        builder.Property(r => r.SendReasonsText).HasMaxLength(Report.MaxSendReasonsLength);
        builder.Ignore(r => r.Recipients);
        builder.Ignore(r => r.Metadata);
        builder.Ignore(r => r.SendReasons);
        builder.Ignore(r => r.IsFrozen);
        builder.HasOne<ReportingPeriod>().WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.SectionTexts).WithOne().HasForeignKey(t => t.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.SectionTexts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
