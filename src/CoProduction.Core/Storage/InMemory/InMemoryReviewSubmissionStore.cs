using CoProduction.PeerReview;
using CoProduction.Primitives;

namespace CoProduction.Storage.InMemory;

/// <summary>The in-memory <see cref="IReviewSubmissionStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryReviewSubmissionStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<ReviewSubmission, ReviewSubmissionId>(database, organisation, outbox), IReviewSubmissionStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ReviewSubmission>> ListByPanelAsync(PanelId panelId, CancellationToken cancellationToken)
        => Task.FromResult(Ordered(Query(s => s.PanelId == panelId, cancellationToken)));

    /// <inheritdoc />
    public Task<IReadOnlyList<ReviewSubmission>> ListWithOpenActionsDueBeforeAsync(DateOnly date, CancellationToken cancellationToken)
        => Task.FromResult(Ordered(Query(
            s => s.State is not (SubmissionState.Closed or SubmissionState.Withdrawn)
                && s.Rounds.Any(r => r.Actions.Any(a => a.DueOn < date && r.LatestStatus(a.Id) != FollowUpStatus.Implemented)),
            cancellationToken)));

    /// <inheritdoc />
    public Task<IReadOnlyList<ReviewSubmission>> ListForParticipantAsync(People.ParticipantId participantId, CancellationToken cancellationToken)
        => Task.FromResult(Ordered(Query(s => s.IsOnProjectTeam(participantId) || s.Rounds.Any(r => r.Actions.Any(a => a.OwnerId == participantId)), cancellationToken)));

    /// <inheritdoc />
    public Task<IReadOnlyList<ReviewSubmission>> ListByStateAsync(SubmissionState state, CancellationToken cancellationToken)
        => Task.FromResult(Ordered(Query(s => s.State == state, cancellationToken)));

    private static IReadOnlyList<ReviewSubmission> Ordered(IReadOnlyList<ReviewSubmission> submissions)
        => [.. submissions.OrderBy(s => s.Rounds[0].StartedAt).ThenBy(s => s.Id.Value)];
}
