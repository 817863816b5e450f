using DanVan.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class SigningSessionConfiguration : IEntityTypeConfiguration<SigningSession>
{
    public void Configure(EntityTypeBuilder<SigningSession> builder)
    {
        builder.HasIndex(s => s.DownloadTokenHash).IsUnique();
        builder.HasIndex(s => s.UploadTokenHash).IsUnique();
        builder.Property(s => s.Step).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.BaseSha256).HasMaxLength(64);
        builder.Property(s => s.DownloadTokenHash).HasMaxLength(64);
        builder.Property(s => s.UploadTokenHash).HasMaxLength(64);
        builder.Property(s => s.OpenedBy).HasMaxLength(SigningSession.MaxUserLength);
        // A used session is spent: a second request with the same URL must see the first one's write.
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Report>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}
