using Ardalis.GuardClauses;
using CoProduction.Payments.Events;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Payments;

/// <summary>How a person is paid. Bank details are never stored here: finance holds them.</summary>
public enum PaymentRoute
{
    /// <summary>Through the organisation's payroll (tax and National Insurance deducted there).</summary>
    Payroll,

    /// <summary>By bank transfer from the finance system.</summary>
    BankTransfer,

    /// <summary>As vouchers.</summary>
    Voucher,

    /// <summary>In cash, against a signed receipt.</summary>
    Cash,
}

/// <summary>Whether a person offered benefits advice took it up.</summary>
public enum BenefitsAdviceOutcome
{
    /// <summary>They accepted the offer (advice was, or will be, given).</summary>
    Accepted,

    /// <summary>They declined the offer.</summary>
    Declined,
}

/// <summary>That benefits advice was offered to a person, when, and whether they accepted it.</summary>
/// <param name="OfferedOn">The day the offer was made.</param>
/// <param name="Outcome">Whether they accepted or declined it.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record BenefitsAdviceRecord(DateOnly OfferedOn, BenefitsAdviceOutcome Outcome, ParticipantId RecordedBy, DateTimeOffset RecordedAt);

/// <summary>That a person works in the public sector, and whether their involvement falls within that job.</summary>
/// <param name="Employer">The employer (an organisation, not a person), such as "NHS trust".</param>
/// <param name="InvolvementWithinJob">Whether the involvement they give is part of their paid job (then no fee is paid).</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record PublicSectorEmployment(string Employer, bool InvolvementWithinJob, DateTimeOffset RecordedAt)
{
    /// <summary>Gets the employer.</summary>
    public string Employer { get; } = Input.Required(Employer).Trim();
}

/// <summary>
/// What the payments team records about how to pay a person, as facts the payment rules read (never flags the caller
/// passes): their payment route, that benefits advice was offered before their first paid activity, and any
/// public-sector employment. One per person; its id is the person's id.
/// </summary>
public sealed class PaymentProfile : AggregateRoot<PaymentProfileId>
{
    private PaymentProfile(PaymentProfileId id, OrganisationId organisationId)
        : base(id, organisationId)
    {
    }

    private PaymentProfile()
    {
    }

    /// <summary>Gets the person.</summary>
    public ParticipantId ParticipantId { get; private set; }

    /// <summary>Gets how the person is paid, if recorded.</summary>
    public PaymentRoute? Route { get; private set; }

    /// <summary>Gets the record of the benefits advice offer, if one was made.</summary>
    public BenefitsAdviceRecord? BenefitsAdvice { get; private set; }

    /// <summary>Gets the person's public-sector employment, if recorded.</summary>
    public PublicSectorEmployment? PublicSectorEmployment { get; private set; }

    /// <summary>Gets when the profile was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Gets when the person's data here was erased at their request, if it was.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>Starts an empty profile for a person.</summary>
    internal static PaymentProfile Start(OrganisationId organisationId, ParticipantId participantId, TimeProvider clock)
    {
        Input.Id(participantId);
        Guard.Against.Null(clock);
        return new PaymentProfile(PaymentProfileId.For(participantId), organisationId)
        {
            ParticipantId = participantId,
            UpdatedAt = clock.GetUtcNow(),
        };
    }

    internal void SetRoute(PaymentRoute route, TimeProvider clock)
    {
        Input.Defined(route);
        Route = route;
        Touch(clock);
    }

    internal void RecordBenefitsAdvice(DateOnly offeredOn, BenefitsAdviceOutcome outcome, ParticipantId recordedBy, TimeProvider clock)
    {
        Input.Defined(outcome);
        Input.Id(recordedBy);
        var now = clock.GetUtcNow();
        BenefitsAdvice = new BenefitsAdviceRecord(offeredOn, outcome, recordedBy, now);
        Touch(clock);
        Raise(new BenefitsAdviceOfferRecorded(ParticipantId, offeredOn, outcome, now));
    }

    internal void RecordPublicSectorEmployment(string employer, bool involvementWithinJob, TimeProvider clock)
    {
        PublicSectorEmployment = new PublicSectorEmployment(employer, involvementWithinJob, clock.GetUtcNow());
        Touch(clock);
    }

    internal void ClearPublicSectorEmployment(TimeProvider clock)
    {
        PublicSectorEmployment = null;
        Touch(clock);
    }

    /// <summary>Erases the person's data here on their erasure: the route, the benefits advice record and the employment.</summary>
    internal void Erase(TimeProvider clock)
    {
        Route = null;
        BenefitsAdvice = null;
        PublicSectorEmployment = null;
        ErasedAt = clock.GetUtcNow();
        UpdatedAt = ErasedAt.Value;
    }

    private void Touch(TimeProvider clock)
    {
        Guard.Against.Null(clock);
        UpdatedAt = clock.GetUtcNow();
    }
}
