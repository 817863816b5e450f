using DanVan.Domain.Periods;
using DanVan.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.HasIndex(r => r.PeriodId).IsUnique();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.Number).HasMaxLength(64);
        builder.Property(r => r.Place).HasMaxLength(128);
        builder.Property(r => r.ParentAgency).HasMaxLength(256);
        builder.Property(r => r.Agency).HasMaxLength(256);
        builder.Property(r => r.RequestReference).HasMaxLength(1000);
        builder.Property(r => r.RecipientsText).HasMaxLength(4000);
        builder.Property(r => r.SignerTitle).HasMaxLength(256);
        builder.Property(r => r.DeputyTitle).HasMaxLength(256);
        builder.Property(r => r.SignerName).HasMaxLength(256);
        builder.Property(r => r.ReviewComment).HasMaxLength(4000);
        builder.Property(r => r.IssuedBy).HasMaxLength(256);
        builder.Property(r => r.PdfSha256).HasMaxLength(64);
        builder.Ignore(r => r.Recipients);
        builder.Ignore(r => r.Metadata);
        builder.HasOne<ReportingPeriod>().WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.SectionTexts).WithOne().HasForeignKey(t => t.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.SectionTexts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
