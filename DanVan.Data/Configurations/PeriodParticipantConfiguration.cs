using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class PeriodParticipantConfiguration : IEntityTypeConfiguration<PeriodParticipant>
{
    public void Configure(EntityTypeBuilder<PeriodParticipant> builder)
    {
        builder.HasKey(p => new { p.PeriodId, p.UnitId });
        builder.HasIndex(p => p.UnitId);
        builder.HasOne<ReportingPeriod>().WithMany(p => p.Participants).HasForeignKey(p => p.PeriodId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
