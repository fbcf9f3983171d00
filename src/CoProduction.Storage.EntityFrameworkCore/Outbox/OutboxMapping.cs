using Microsoft.EntityFrameworkCore;

namespace CoProduction.Storage.EntityFrameworkCore.Outbox;

/// <summary>Maps <see cref="OutboxRecord"/> to <c>outbox_messages</c>.</summary>
internal static class OutboxMapping
{
    internal static void Apply(ModelBuilder modelBuilder, bool jsonb)
    {
        var builder = modelBuilder.Entity<OutboxRecord>();
        builder.ToTable("outbox_messages");
        builder.HasKey(r => r.Sequence);
        builder.Property(r => r.Sequence).ValueGeneratedOnAdd();
        builder.Property(r => r.OrganisationId).IsRequired();
        builder.Property(r => r.AggregateType).HasMaxLength(200).IsRequired();
        builder.Property(r => r.EventType).HasMaxLength(500).IsRequired();
        var payload = builder.Property(r => r.Payload).IsRequired();
        if (jsonb)
        {
            payload.HasColumnType("jsonb");
        }

        builder.Property(r => r.Actor).HasMaxLength(120).IsRequired();
        builder.Property(r => r.LastError).HasMaxLength(2000);
        builder.HasIndex(r => r.AggregateId);
        builder.HasIndex(r => new { r.OrganisationId, r.Actor });
        builder.HasIndex(r => new { r.OrganisationId, r.DispatchedAt });
    }
}
