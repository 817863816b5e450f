using DanVan.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

public class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.MessageId).HasMaxLength(128);
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.ToAddress).HasMaxLength(OutboxMessage.MaxAddressLength);
        builder.Property(m => m.ToName).HasMaxLength(OutboxMessage.MaxAddressLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.MaxSubjectLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
    }
}
