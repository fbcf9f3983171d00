using CoProduction.Storage;

namespace CoProduction.PeerReview;

/// <summary>Stores panel meetings.</summary>
public interface IPanelMeetingStore : IAggregateStore<PanelMeeting, PanelMeetingId>
{
    /// <summary>Lists a panel's meetings in date order.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The meetings.</returns>
    Task<IReadOnlyList<PanelMeeting>> ListByPanelAsync(PanelId panelId, CancellationToken cancellationToken);

    /// <summary>Lists the meetings at which a participant's attendance, a conflict, a review or a lead role is recorded, in date order.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The meetings.</returns>
    Task<IReadOnlyList<PanelMeeting>> ListForParticipantAsync(People.ParticipantId participantId, CancellationToken cancellationToken);
}
