using CoProduction.Involvement.Assessments;
using CoProduction.Involvement.Projects;
using CoProduction.People;

namespace CoProduction.Involvement;

/// <summary>
/// The last day each participant took part in improvement projects, for the retention review: a place on a project's
/// team (until today while they are on the team of an active project), an involvement record, or an assessment they
/// rated (the day it was completed, or opened).
/// </summary>
internal sealed class InvolvementHistory(IImprovementProjectStore projects, IAssessmentStore assessments) : IParticipantInvolvementHistory
{
    public async Task<IReadOnlyDictionary<ParticipantId, DateOnly>> LastInvolvedAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<ParticipantId, DateOnly>();
        foreach (var project in await projects.ListAsync(null, cancellationToken).ConfigureAwait(false))
        {
            foreach (var member in project.Team)
            {
                var until = member.LeftOn ?? (project.Status == ProjectStatus.Active ? today : project.ClosedOn ?? member.JoinedOn);
                InvolvementDates.Note(latest, member.ParticipantId, until < today ? until : today);
            }

            foreach (var record in project.Records)
            {
                foreach (var person in record.Participants)
                {
                    InvolvementDates.Note(latest, person.ParticipantId, record.OccurredOn);
                }
            }

            foreach (var assessment in await assessments.ListForProjectAsync(project.Id, cancellationToken).ConfigureAwait(false))
            {
                var on = InvolvementDates.Day(assessment.CompletedAt ?? assessment.OpenedAt);
                foreach (var assessor in assessment.Assessors.Where(a => assessment.Ratings.Any(r => r.AssessorId == a.ParticipantId)))
                {
                    InvolvementDates.Note(latest, assessor.ParticipantId, on);
                }
            }
        }

        return latest;
    }
}
