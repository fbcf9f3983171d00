using CoProduction.Payments;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>Maps <see cref="InvolvementActivity"/> to <c>involvement_activities</c>, one row per activity (the source as two columns).</summary>
internal sealed class InvolvementActivityMapping : AggregateMapping<InvolvementActivity, InvolvementActivityId>
{
    /// <inheritdoc />
    protected override string TableName => "involvement_activities";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<InvolvementActivity> builder)
    {
        builder.Property(a => a.ParticipantId).IsRequired();
        builder.Property(a => a.Kind).HasMaxLength(40);
        builder.Property(a => a.Date);
        builder.Property(a => a.Duration);
        builder.Property(a => a.RoleLevel).IsRequired();
        builder.Property(a => a.Description).IsRequired();
        builder.Property(a => a.RecordedAt);
        builder.Property(a => a.CancelledAt);
        builder.ComplexProperty(a => a.Source, source => source.Property(s => s.Area));
        builder.HasIndex(a => new { a.OrganisationId, a.ParticipantId });
        builder.HasIndex(a => new { a.OrganisationId, a.Date });
    }
}
