using CoProduction.PeerReview;
using CoProduction.Primitives;

namespace CoProduction.Storage.InMemory;

/// <summary>The in-memory <see cref="IPanelMeetingStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryPanelMeetingStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<PanelMeeting, PanelMeetingId>(database, organisation, outbox), IPanelMeetingStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<PanelMeeting>> ListByPanelAsync(PanelId panelId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<PanelMeeting>>([.. Query(m => m.PanelId == panelId, cancellationToken).OrderBy(m => m.Date).ThenBy(m => m.Id.Value)]);

    /// <inheritdoc />
    public Task<IReadOnlyList<PanelMeeting>> ListForParticipantAsync(People.ParticipantId participantId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<PanelMeeting>>([.. Query(
            m => m.ChairId == participantId
                || m.Attendance.Any(a => a.ParticipantId == participantId)
                || m.Conflicts.Any(c => c.ReviewerId == participantId)
                || m.Reviews.Any(r => r.ReviewerId == participantId)
                || m.LeadReviewers.Any(l => l.ReviewerId == participantId),
            cancellationToken).OrderBy(m => m.Date).ThenBy(m => m.Id.Value)]);
}
