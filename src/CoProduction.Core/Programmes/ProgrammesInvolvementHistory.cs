using CoProduction.People;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Evaluation;
using CoProduction.Programmes.Pathways;

namespace CoProduction.Programmes;

/// <summary>
/// The last day each participant took part in the training programmes, for the retention review: co-designing a
/// curriculum version, enrolling with a team, attending or facilitating a session that was not cancelled, a step of
/// the patient-trainer pathway, a questionnaire answer, or a readiness rating.
/// </summary>
internal sealed class ProgrammesInvolvementHistory(
    IProgrammeStore programmes,
    ICohortStore cohorts,
    IPatientTrainerPathwayStore pathways,
    ICohortEvaluationStore evaluations,
    Readiness.IReadinessAssessmentStore readiness) : IParticipantInvolvementHistory
{
    public async Task<IReadOnlyDictionary<ParticipantId, DateOnly>> LastInvolvedAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<ParticipantId, DateOnly>();
        foreach (var programme in await programmes.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var version in programme.Versions)
            {
                foreach (var designer in version.CoDesigners)
                {
                    InvolvementDates.Note(latest, designer.ParticipantId, InvolvementDates.Day(version.PublishedAt));
                }
            }

            foreach (var cohort in await cohorts.ListByProgrammeAsync(programme.Id, cancellationToken).ConfigureAwait(false))
            {
                foreach (var team in cohort.Teams)
                {
                    foreach (var member in team.Members)
                    {
                        InvolvementDates.Note(latest, member.ParticipantId, InvolvementDates.Day(team.EnrolledAt));
                    }
                }

                foreach (var attendance in cohort.Attendance)
                {
                    InvolvementDates.Note(latest, attendance.ParticipantId, InvolvementDates.Day(cohort.FindSession(attendance.SessionId)?.StartsAt ?? attendance.RecordedAt));
                }

                foreach (var session in cohort.Sessions.Where(s => s.Status != SessionStatus.Cancelled))
                {
                    var on = InvolvementDates.Day(session.StartsAt);
                    foreach (var facilitator in session.Facilitators)
                    {
                        InvolvementDates.Note(latest, facilitator.ParticipantId, on < today ? on : today);
                    }
                }
            }

            foreach (var evaluation in await evaluations.ListByProgrammeAsync(programme.Id, cancellationToken).ConfigureAwait(false))
            {
                foreach (var answer in evaluation.Answers)
                {
                    InvolvementDates.Note(latest, answer.ParticipantId, answer.AnsweredOn);
                }
            }
        }

        foreach (var pathway in await pathways.ListAsync(null, cancellationToken).ConfigureAwait(false))
        {
            InvolvementDates.Note(latest, pathway.ParticipantId, pathway.Evidence.Select(e => e.On).Append(pathway.StartedOn).Append(pathway.CurrentStageSince).Max());
        }

        foreach (var assessment in await readiness.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in assessment.Items)
            {
                if (item.AssessedBy is { } assessor && item.AssessedOn is { } on)
                {
                    InvolvementDates.Note(latest, assessor, on);
                }
            }
        }

        return latest;
    }
}
