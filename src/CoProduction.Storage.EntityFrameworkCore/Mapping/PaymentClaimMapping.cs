using CoProduction.Payments;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>
/// Maps <see cref="PaymentClaim"/> to <c>payment_claims</c>, with its lines in <c>payment_claim_lines</c> (one per
/// activity paid for) and its expenses in <c>payment_claim_expenses</c>. Amounts are decimals with two places.
/// </summary>
internal sealed class PaymentClaimMapping : AggregateMapping<PaymentClaim, PaymentClaimId>
{
    /// <inheritdoc />
    protected override string TableName => "payment_claims";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<PaymentClaim> builder)
    {
        builder.Property(c => c.ParticipantId).IsRequired();
        builder.Property(c => c.Status).HasMaxLength(20);
        builder.Property(c => c.CurrencyCode).HasMaxLength(3).IsRequired();
        builder.Property(c => c.SubmittedAt);
        builder.Property(c => c.DecidedAt);
        builder.Property(c => c.DecidedBy);
        builder.Property(c => c.RejectionReason);
        builder.Property(c => c.PaidAt);
        builder.Property(c => c.PaymentReference);
        builder.Property(c => c.Payment).HasMaxLength(20);
        builder.Property(c => c.ChosenFeesAmount).HasPrecision(18, 2);
        builder.Property(c => c.ExportedAt);
        builder.Property(c => c.ExportedBy);
        builder.HasIndex(c => new { c.OrganisationId, c.ParticipantId });
        builder.HasIndex(c => new { c.OrganisationId, c.Status });

        OwnChildTable(builder, c => c.Lines, "payment_claim_lines", "payment_claim_id", line =>
        {
            line.Property(l => l.ActivityId);
            line.Property(l => l.Kind).HasMaxLength(40);
            line.Property(l => l.RoleLevel).IsRequired();
            line.Property(l => l.Hours).HasPrecision(9, 4);
            line.Property(l => l.Basis).HasMaxLength(20);
            line.Property(l => l.Amount).HasPrecision(18, 2);
            line.Property(l => l.Rate).HasPrecision(18, 2);
            line.Property(l => l.PricedAmount).HasPrecision(18, 2);
            line.Property(l => l.PolicyName);
            line.Property(l => l.PolicyVersionFrom);
            line.HasIndex(l => l.ActivityId);
        });
        OwnChildTable(builder, c => c.Expenses, "payment_claim_expenses", "payment_claim_id", expense =>
        {
            expense.Property(e => e.Kind).HasMaxLength(30);
            expense.Property(e => e.Amount).HasPrecision(18, 2);
            expense.Property(e => e.Description).IsRequired();
            expense.Property(e => e.Date);
            expense.Property(e => e.Miles).HasPrecision(9, 2);
            expense.Property(e => e.Passengers);
            expense.Property(e => e.Vehicle).HasMaxLength(20);
        });
    }
}
