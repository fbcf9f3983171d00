using CoProduction.Involvement.Projects;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Storage;

namespace CoProduction.PeerReview;

/// <summary>
/// Keeps a project's live peer-review submission in step with the project record: its lead and team are read from the
/// project's current team, and when the submission is on a meeting's agenda, that meeting's project-team conflicts of
/// interest are recorded (or lifted) in the same unit of work. Used by the peer review and project services alike.
/// </summary>
internal sealed class ProjectTeamPropagation(IReviewSubmissionStore submissions, IPanelMeetingStore meetings, IPanelStore panels, TimeProvider clock)
{
    /// <summary>The lead and the other current members of a project's team, from its record.</summary>
    /// <exception cref="DomainRuleViolationException">The project has no current lead.</exception>
    internal static (ParticipantId Lead, List<ParticipantId> Team) TeamOf(ImprovementProject project)
    {
        var lead = project.CurrentTeam.FirstOrDefault(m => m.Role == ProjectTeamRole.ProjectLead);
        Rule.Require(
            lead is not null,
            PeerReviewErrorCodes.ProjectHasNoLead,
            $"Project '{project.Title}' ({project.Id}) has no current project lead, and a submission to the panel is presented by its lead: add a team member with the ProjectLead role first.");
        return (lead!.ParticipantId, [.. project.CurrentTeam.Where(m => m.ParticipantId != lead.ParticipantId).Select(m => m.ParticipantId).Distinct()]);
    }

    /// <summary>Finds the project's submission that is not final (at most one exists), or <see langword="null"/>.</summary>
    internal async Task<ReviewSubmission?> FindLiveSubmissionAsync(ImprovementProject project, CancellationToken cancellationToken)
    {
        foreach (var id in project.PeerReviewSubmissionIds)
        {
            var submission = await submissions.FindAsync(id, cancellationToken).ConfigureAwait(false);
            if (submission is not null && !SubmissionWorkflow.IsFinal(submission.State))
            {
                return submission;
            }
        }

        return null;
    }

    /// <summary>
    /// Applies the project's current team to its live submission (if any) and to the conflicts of the meeting it is
    /// scheduled to, returning the changes to save with the project.
    /// </summary>
    internal async Task<IReadOnlyList<AggregateChange>> PropagateAsync(ImprovementProject project, CancellationToken cancellationToken)
    {
        var submission = await FindLiveSubmissionAsync(project, cancellationToken).ConfigureAwait(false);
        if (submission is null)
        {
            return [];
        }

        var (lead, team) = TeamOf(project);
        if (submission.ProjectLeadId == lead && submission.TeamMemberIds.ToHashSet().SetEquals(team))
        {
            return [];
        }

        submission.ChangeTeam(lead, team, clock);
        var changes = new List<AggregateChange> { AggregateChange.Update(submission) };
        if (await RecordConflictsAsync(submission, cancellationToken).ConfigureAwait(false) is { } meeting)
        {
            changes.Add(AggregateChange.Update(meeting));
        }

        return changes;
    }

    /// <summary>
    /// Records the project-team conflicts of a submission at the meeting whose agenda holds it.
    /// </summary>
    /// <returns>The meeting when it changed, else <see langword="null"/>.</returns>
    internal async Task<PanelMeeting?> RecordConflictsAsync(ReviewSubmission submission, CancellationToken cancellationToken)
    {
        if (submission.CurrentRound.MeetingId is not { } meetingId)
        {
            return null;
        }

        var meeting = await meetings.FindAsync(meetingId, cancellationToken).ConfigureAwait(false);
        if (meeting is null || !meeting.IsOnAgenda(submission.Id))
        {
            return null;
        }

        var panel = await panels.FindAsync(meeting.PanelId, cancellationToken).ConfigureAwait(false);
        return panel is not null && RecordConflicts(meeting, panel, submission, clock) ? meeting : null;
    }

    /// <summary>Records the project-team conflicts of a submission on a meeting's agenda, for every member serving on the meeting date.</summary>
    internal static bool RecordConflicts(PanelMeeting meeting, Panel panel, ReviewSubmission submission, TimeProvider clock) =>
        meeting.RecordProjectTeamConflicts(submission, panel.MembersServingOn(meeting.Date).Select(m => m.ParticipantId), clock);
}
