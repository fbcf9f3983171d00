using CoProduction.Storage;

namespace CoProduction.PeerReview;

/// <summary>Stores submissions to peer review panels.</summary>
public interface IReviewSubmissionStore : IAggregateStore<ReviewSubmission, ReviewSubmissionId>
{
    /// <summary>Lists a panel's submissions, oldest first.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The submissions.</returns>
    Task<IReadOnlyList<ReviewSubmission>> ListByPanelAsync(PanelId panelId, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the submissions, not withdrawn or closed, that have an action due before <paramref name="date"/> whose
    /// latest follow-up is not <see cref="FollowUpStatus.Implemented"/> (or that has no follow-up yet).
    /// </summary>
    /// <param name="date">The date: actions due strictly before it count.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The submissions, oldest first.</returns>
    Task<IReadOnlyList<ReviewSubmission>> ListWithOpenActionsDueBeforeAsync(DateOnly date, CancellationToken cancellationToken);

    /// <summary>Lists the submissions in which a participant is the project lead, on the team, or owns an action, oldest first.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The submissions.</returns>
    Task<IReadOnlyList<ReviewSubmission>> ListForParticipantAsync(People.ParticipantId participantId, CancellationToken cancellationToken);

    /// <summary>Lists the submissions in a state, oldest first.</summary>
    /// <param name="state">The state.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The submissions.</returns>
    Task<IReadOnlyList<ReviewSubmission>> ListByStateAsync(SubmissionState state, CancellationToken cancellationToken);
}
