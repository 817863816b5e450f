using DanVan.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.Code).HasMaxLength(Unit.MaxCodeLength);
        builder.Property(u => u.Name).HasMaxLength(Unit.MaxNameLength);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.Property(u => u.ParentAgencyName).HasMaxLength(256);
        builder.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
