using CoProduction.People;

namespace CoProduction.PeerReview;

/// <summary>
/// The peer review section of a participant's subject-access export: their panel terms of office, lived experience
/// areas and registered personal links, their attendance, conflicts of interest, reviews and lead roles at meetings,
/// and the submissions in which they lead, sit on the team or own actions: the workflow's moves and triage reasons for
/// their team, the actions they own with the follow-up reports on them, and their rating of the review as lead.
/// Nothing about anyone else: a personal link says its kind and which side they are, not the other person's id.
/// </summary>
internal sealed class PeerReviewDataContributor(IPanelStore panels, IPanelMeetingStore meetings, IReviewSubmissionStore submissions) : IParticipantDataContributor
{
    public string Section => "peerReview";

    public async Task<object?> CollectAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var panelList = (await panels.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(p => p.Members.Any(m => m.ParticipantId == participantId) || p.PersonalLinks.Any(l => l.RelatedParticipantId == participantId))
            .ToList();
        var meetingList = await meetings.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        var submissionList = await submissions.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        if (panelList.Count == 0 && meetingList.Count == 0 && submissionList.Count == 0)
        {
            return null;
        }

        return new
        {
            panels = panelList.Select(p => new
            {
                panelId = p.Id.Value,
                p.Name,
                terms = p.Members.Where(m => m.ParticipantId == participantId).Select(m => new { m.Role, m.TermStartsOn, m.TermEndsOn }),
                livedExperience = p.LivedExperience.Where(e => e.MemberId == participantId).Select(e => e.ServiceArea),
                personalLinks = p.PersonalLinks.Where(l => l.MemberId == participantId || l.RelatedParticipantId == participantId)
                    .Select(l => new { recordedAs = l.MemberId == participantId ? "Panel member with a link to another participant" : "Participant linked to a panel member", l.Kind, l.RecordedAt }),
            }),
            meetings = meetingList.Select(m => new
            {
                meetingId = m.Id.Value,
                m.Date,
                chaired = m.ChairId == participantId,
                attendance = m.Attendance.Where(a => a.ParticipantId == participantId).Select(a => new { a.Role, a.Status, a.ConsentsToRecording, a.RecordedAt }),
                conflicts = m.Conflicts.Where(c => c.ReviewerId == participantId)
                    .Select(c => new { submissionId = c.SubmissionId.Value, c.Kind, c.Note, c.Origin, c.RecordedAt, c.DismissalReason, c.DismissedAt }),
                reviews = m.Reviews.Where(r => r.ReviewerId == participantId)
                    .Select(r => new { submissionId = r.SubmissionId.Value, r.RoundNumber, r.Ratings, r.Answers, r.Comments, r.SubmittedAt }),
                leadReviewerFor = m.LeadReviewers.Where(l => l.ReviewerId == participantId).Select(l => l.SubmissionId.Value),
            }),
            submissions = submissionList.Select(s => new
            {
                submissionId = s.Id.Value,
                s.ProjectId,
                s.Title,
                role = s.ProjectLeadId == participantId ? "Project lead" : s.TeamMemberIds.Contains(participantId) ? "Team member" : "Action owner",
                s.State,
                history = s.IsOnProjectTeam(participantId) ? s.History : [],
                triage = s.IsOnProjectTeam(participantId)
                    ? s.Rounds.Where(r => r.TriageOutcome is not null).Select(r => new { round = r.Number, outcome = r.TriageOutcome, reason = r.TriageReason })
                    : [],
                leadExperience = s.ProjectLeadId == participantId
                    ? s.Rounds.Where(r => r.LeadExperience is not null).Select(r => new { round = r.Number, r.LeadExperience!.Rating, r.LeadExperience.Comment, r.LeadExperience.RecordedAt })
                    : [],
                actionsOwned = s.Rounds.SelectMany(r => r.Actions.Where(a => a.OwnerId == participantId)
                    .Select(a => new
                    {
                        round = r.Number,
                        a.Description,
                        a.DueOn,
                        latestStatus = r.LatestStatus(a.Id),
                        followUps = r.FollowUps.Where(f => f.ActionId == a.Id).Select(f => new { f.Status, f.Impact, f.ReportedAt }),
                    })),
            }),
        };
    }
}
