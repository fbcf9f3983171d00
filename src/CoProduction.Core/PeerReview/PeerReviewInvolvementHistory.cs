using CoProduction.People;

namespace CoProduction.PeerReview;

/// <summary>
/// The last day each participant took part in the peer review panel's work, for the retention review: a term of
/// office (until today while it runs), a meeting attended or a review written, or a submission they lead, sit on the
/// team of or own an action in (its last move or report).
/// </summary>
internal sealed class PeerReviewInvolvementHistory(IPanelStore panels, IPanelMeetingStore meetings, IReviewSubmissionStore submissions) : IParticipantInvolvementHistory
{
    public async Task<IReadOnlyDictionary<ParticipantId, DateOnly>> LastInvolvedAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<ParticipantId, DateOnly>();
        foreach (var panel in await panels.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var member in panel.Members.Where(m => m.TermStartsOn <= today))
            {
                InvolvementDates.Note(latest, member.ParticipantId, member.TermEndsOn < today ? member.TermEndsOn : today);
            }

            foreach (var meeting in await meetings.ListByPanelAsync(panel.Id, cancellationToken).ConfigureAwait(false))
            {
                foreach (var attendance in meeting.Attendance.Where(a => a.Status == AttendanceStatus.Present))
                {
                    InvolvementDates.Note(latest, attendance.ParticipantId, meeting.Date);
                }

                foreach (var review in meeting.Reviews)
                {
                    InvolvementDates.Note(latest, review.ReviewerId, InvolvementDates.Day(review.SubmittedAt));
                }
            }

            foreach (var submission in await submissions.ListByPanelAsync(panel.Id, cancellationToken).ConfigureAwait(false))
            {
                var lastMove = submission.History.Count > 0 ? InvolvementDates.Day(submission.History[^1].At) : InvolvementDates.Day(submission.Rounds[0].StartedAt);
                foreach (var person in submission.TeamMemberIds.Append(submission.ProjectLeadId))
                {
                    InvolvementDates.Note(latest, person, lastMove);
                }

                foreach (var round in submission.Rounds)
                {
                    foreach (var action in round.Actions)
                    {
                        var reported = round.FollowUps.Where(f => f.ActionId == action.Id).Select(f => InvolvementDates.Day(f.ReportedAt)).DefaultIfEmpty(lastMove).Max();
                        InvolvementDates.Note(latest, action.OwnerId, reported);
                    }
                }
            }
        }

        return latest;
    }
}
