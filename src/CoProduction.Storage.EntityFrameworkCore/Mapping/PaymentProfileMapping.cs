using CoProduction.Payments;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>
/// Maps <see cref="PaymentProfile"/> to <c>payment_profiles</c>, one row per person (its id the person's id), with the
/// benefits advice record and the public-sector employment as columns of the row.
/// </summary>
internal sealed class PaymentProfileMapping : AggregateMapping<PaymentProfile, PaymentProfileId>
{
    /// <inheritdoc />
    protected override string TableName => "payment_profiles";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<PaymentProfile> builder)
    {
        builder.Property(p => p.ParticipantId).IsRequired();
        builder.Property(p => p.Route).HasMaxLength(20);
        builder.Property(p => p.UpdatedAt);
        builder.Property(p => p.ErasedAt);
        builder.ComplexProperty(p => p.BenefitsAdvice, advice =>
        {
            advice.Property(a => a.Outcome).HasMaxLength(20);
            advice.Property(a => a.RecordedBy).HasConversion(new TypedIdValueConverter<CoProduction.People.ParticipantId>());
        });
        builder.ComplexProperty(p => p.PublicSectorEmployment, employment =>
        {
            employment.Property(e => e.Employer);
        });
        builder.HasIndex(p => new { p.OrganisationId, p.ParticipantId }).IsUnique();
    }
}
