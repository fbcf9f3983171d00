using CoProduction.People;
using CoProduction.Storage;

namespace CoProduction.Payments;

/// <summary>Stores involvement activities.</summary>
public interface IInvolvementActivityStore : IAggregateStore<InvolvementActivity, InvolvementActivityId>
{
    /// <summary>Lists a participant's activities, by date.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The activities.</returns>
    Task<IReadOnlyList<InvolvementActivity>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken);

    /// <summary>Lists the activities that took place between two dates (inclusive), by date.</summary>
    /// <param name="from">The first date.</param>
    /// <param name="to">The last date.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The activities.</returns>
    Task<IReadOnlyList<InvolvementActivity>> ListBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <summary>Stores payment claims.</summary>
public interface IPaymentClaimStore : IAggregateStore<PaymentClaim, PaymentClaimId>
{
    /// <summary>Lists a participant's claims, oldest first.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The claims.</returns>
    Task<IReadOnlyList<PaymentClaim>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken);

    /// <summary>Lists the claims in a state, oldest first.</summary>
    /// <param name="status">The state.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The claims.</returns>
    Task<IReadOnlyList<PaymentClaim>> ListByStatusAsync(PaymentClaimStatus status, CancellationToken cancellationToken);

    /// <summary>Lists the claims, in any state, that include an activity, oldest first.</summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The claims.</returns>
    Task<IReadOnlyList<PaymentClaim>> ListContainingActivityAsync(InvolvementActivityId activityId, CancellationToken cancellationToken);
}

/// <summary>Stores payment profiles (one per person, its id the person's id: <see cref="PaymentProfileId.For"/>).</summary>
public interface IPaymentProfileStore : IAggregateStore<PaymentProfile, PaymentProfileId>
{
}
