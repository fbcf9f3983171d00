using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Storage;

namespace CoProduction.PeerReview;

/// <summary>
/// The lookups and checks that <see cref="PanelService"/>, <see cref="ReviewSubmissionService"/> and
/// <see cref="PanelMeetingService"/> share: a panel, submission, meeting or participant that must exist in the current
/// organisation, the meeting whose agenda holds a submission, saving a submission with that meeting, a panel role borne
/// out by the participant record, and the review form a round is reviewed on.
/// </summary>
internal static class PeerReviewLookups
{
    /// <summary>Finds a panel of the current organisation.</summary>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">There is no such panel (<see cref="PeerReviewErrorCodes.PanelNotFound"/>).</exception>
    internal static async Task<Panel> RequirePanelAsync(this IPanelStore panels, PanelId panelId, IOrganisationContext organisation, CancellationToken cancellationToken)
    {
        Input.Id(panelId);
        var panel = await panels.FindAsync(panelId, cancellationToken).ConfigureAwait(false);
        Rule.Require(panel is not null, PeerReviewErrorCodes.PanelNotFound, $"No panel {panelId} exists in organisation {organisation.CurrentOrganisationId}: check the id, or establish the panel first.");
        return panel!;
    }

    /// <summary>Finds a submission of the current organisation.</summary>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">There is no such submission (<see cref="PeerReviewErrorCodes.SubmissionNotFound"/>).</exception>
    internal static async Task<ReviewSubmission> RequireSubmissionAsync(this IReviewSubmissionStore submissions, ReviewSubmissionId submissionId, IOrganisationContext organisation, CancellationToken cancellationToken)
    {
        Input.Id(submissionId);
        var submission = await submissions.FindAsync(submissionId, cancellationToken).ConfigureAwait(false);
        Rule.Require(submission is not null, PeerReviewErrorCodes.SubmissionNotFound, $"No submission {submissionId} exists in organisation {organisation.CurrentOrganisationId}: check the id, or draft the submission first.");
        return submission!;
    }

    /// <summary>Finds a panel meeting of the current organisation.</summary>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">There is no such meeting (<see cref="PeerReviewErrorCodes.MeetingNotFound"/>).</exception>
    internal static async Task<PanelMeeting> RequireMeetingAsync(this IPanelMeetingStore meetings, PanelMeetingId meetingId, IOrganisationContext organisation, CancellationToken cancellationToken)
    {
        Input.Id(meetingId);
        var meeting = await meetings.FindAsync(meetingId, cancellationToken).ConfigureAwait(false);
        Rule.Require(meeting is not null, PeerReviewErrorCodes.MeetingNotFound, $"No panel meeting {meetingId} exists in organisation {organisation.CurrentOrganisationId}: check the id, or arrange the meeting first.");
        return meeting!;
    }

    /// <summary>Finds a participant of the current organisation who has not been erased; <paramref name="who"/> names their part in messages.</summary>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">There is no such participant (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The participant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>).</exception>
    internal static async Task<Participant> RequireParticipantAsync(this IParticipantStore participants, ParticipantId participantId, string who, IOrganisationContext organisation, CancellationToken cancellationToken)
    {
        Input.Id(participantId);
        var participant = await participants.FindAsync(participantId, cancellationToken).ConfigureAwait(false);
        Rule.Require(participant is not null, PeopleErrorCodes.ParticipantNotFound, $"No participant {participantId} ({who}) exists in organisation {organisation.CurrentOrganisationId}: register them first, or check the id.");
        Rule.Require(!participant!.IsErased, PeopleErrorCodes.ParticipantErased, $"The record of {who} has been erased, so they cannot take on new peer review roles: register them again if they return.", ("participantId", participantId));
        return participant;
    }

    /// <summary>The meeting of the submission's current round while its agenda holds the submission, else <see langword="null"/>.</summary>
    internal static async Task<PanelMeeting?> AgendaMeetingOfAsync(this IPanelMeetingStore meetings, ReviewSubmission submission, CancellationToken cancellationToken)
    {
        if (submission.CurrentRound.MeetingId is not { } meetingId)
        {
            return null;
        }

        var meeting = await meetings.FindAsync(meetingId, cancellationToken).ConfigureAwait(false);
        return meeting is not null && meeting.IsOnAgenda(submission.Id) ? meeting : null;
    }

    /// <summary>Saves a submission, and the meeting it changed with it (if any), in one unit of work.</summary>
    /// <exception cref="ConcurrencyConflictException">Someone changed either meanwhile; nothing was saved.</exception>
    internal static Task SaveAsync(this IUnitOfWork unitOfWork, ReviewSubmission submission, PanelMeeting? meeting, CancellationToken cancellationToken) =>
        unitOfWork.SaveAsync(
            meeting is null ? [AggregateChange.Update(submission)] : [AggregateChange.Update(submission), AggregateChange.Update(meeting)],
            cancellationToken);

    /// <summary>
    /// The panel role that counts for a participant: none when their record does not bear it out (a lived-experience
    /// role for patient reviewers and chairs, the Staff role for facilitators).
    /// </summary>
    internal static PanelRole? RoleFromRecords(PanelRole? role, Participant participant) => role switch
    {
        { } r when r.IsPatientRole() && !participant.HasLivedExperience => null,
        PanelRole.StaffFacilitator when !participant.HasRole(ParticipantRole.Staff) => null,
        _ => role,
    };

    /// <summary>The form the submission's current round is reviewed on: that of the reviews already given at the meeting, else the panel's form for the round.</summary>
    /// <exception cref="DomainRuleViolationException">The panel has no form for the round.</exception>
    internal static ReviewForm FormFor(Panel panel, PanelMeeting meeting, ReviewSubmission submission) =>
        meeting.FormInUse(submission.Id, submission.CurrentRound.Number) is { } inUse && panel.FindForm(inUse) is { } form
            ? form
            : panel.RequireFormForRound(submission.CurrentRound.Number);

    /// <summary>Checks that a submission and a meeting belong to one panel.</summary>
    /// <exception cref="DomainRuleViolationException">They do not (<see cref="PeerReviewErrorCodes.PanelMismatch"/>).</exception>
    internal static void EnsureSamePanel(ReviewSubmission submission, PanelMeeting meeting) =>
        Rule.Require(
            submission.PanelId == meeting.PanelId,
            PeerReviewErrorCodes.PanelMismatch,
            $"Submission {submission.Id} is for panel {submission.PanelId} but meeting {meeting.Id} is of panel {meeting.PanelId}: use a meeting of the submission's panel.");
}
