using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.PeerReview;

/// <summary>
/// On a participant's erasure, removes their words from the peer review panel's records: their lived-experience areas,
/// the notes of their conflicts of interest, their review answers and comments, the actions they own with the reports
/// on them, and their comments as a project lead. Ratings, attendance and decisions stay, under their pseudonymous id.
/// </summary>
internal sealed class PeerReviewDataEraser(IPanelStore panels, IPanelMeetingStore meetings, IReviewSubmissionStore submissions) : IParticipantDataEraser
{
    public async Task<IReadOnlyList<IAggregateRoot>> EraseAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var changed = new List<IAggregateRoot>();
        changed.AddRange((await panels.ListAsync(cancellationToken).ConfigureAwait(false)).Where(p => p.RemovePersonalText(participantId)));
        changed.AddRange((await meetings.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false)).Where(m => m.RemovePersonalText(participantId)));
        changed.AddRange((await submissions.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false)).Where(s => s.RemovePersonalText(participantId)));
        return changed;
    }
}
