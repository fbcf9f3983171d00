using CoProduction.People;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Evaluation;
using CoProduction.Programmes.Pathways;

namespace CoProduction.Programmes;

/// <summary>
/// Adds what the training programmes hold about a participant to their subject-access export: curricula they
/// co-designed, teams they were enrolled with (with why the team withdrew) and their attendance, sessions they
/// facilitated (with why a session was cancelled), their patient-trainer pathway, their questionnaire answers and the
/// readiness items they rated. Nothing about anyone else: no other person's id (a sign-off says in what capacity it was
/// given, a support plan whether a mentor is named).
/// </summary>
internal sealed class ProgrammesDataContributor(
    IProgrammeStore programmes,
    ICohortStore cohorts,
    IPatientTrainerPathwayStore pathways,
    ICohortEvaluationStore evaluations,
    Readiness.IReadinessAssessmentStore readiness) : IParticipantDataContributor
{
    public string Section => "trainingProgrammes";

    public async Task<object?> CollectAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var coDesign = new List<object>();
        var enrolments = new List<object>();
        var facilitation = new List<object>();
        var answers = new List<object>();
        foreach (var programme in await programmes.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            coDesign.AddRange(programme.Versions.SelectMany(v => v.CoDesigners.Where(d => d.ParticipantId == participantId)
                .Select(d => new { programme = programme.Name, version = v.Number, d.Perspective, d.Contribution })));
            foreach (var cohort in await cohorts.ListByProgrammeAsync(programme.Id, cancellationToken).ConfigureAwait(false))
            {
                if (cohort.FindTeamOf(participantId) is { } team)
                {
                    enrolments.Add(new
                    {
                        programme = programme.Name,
                        cohort = cohort.Name,
                        team = team.Name,
                        team.ImprovementAim,
                        team.WithdrawnOn,
                        team.WithdrawalReason,
                        attendance = cohort.Attendance.Where(a => a.ParticipantId == participantId).Select(a => new { sessionId = a.SessionId.Value, a.StatusCode, a.RecordedAt }),
                    });
                }

                facilitation.AddRange(cohort.Sessions.SelectMany(s => s.Facilitators.Where(f => f.ParticipantId == participantId)
                    .Select(f => new { programme = programme.Name, cohort = cohort.Name, sessionId = s.Id.Value, s.ModuleCode, s.StartsAt, f.Role, f.IsPatientTrainer, s.Status, s.CancellationReason })));
            }

            foreach (var evaluation in await evaluations.ListByProgrammeAsync(programme.Id, cancellationToken).ConfigureAwait(false))
            {
                answers.AddRange(evaluation.Answers.Where(a => a.ParticipantId == participantId)
                    .Select(a => new { evaluationId = evaluation.Id.Value, a.Timing, a.ItemCode, a.Value, a.AnsweredOn }));
            }
        }

        var readinessRatings = (await readiness.ListAsync(cancellationToken).ConfigureAwait(false))
            .SelectMany(a => a.Items.Where(i => i.AssessedBy == participantId)
                .Select(i => new { assessment = a.Title, item = i.Title, i.Rating, i.Notes, i.AssessedOn }))
            .ToList();
        var pathway = await pathways.FindByParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        if (coDesign.Count == 0 && enrolments.Count == 0 && facilitation.Count == 0 && answers.Count == 0 && readinessRatings.Count == 0 && pathway is null)
        {
            return null;
        }

        return new
        {
            coDesign,
            enrolments,
            facilitation,
            questionnaireAnswers = answers,
            readinessRatings,
            patientTrainerPathway = pathway is null ? null : new
            {
                pathway.Stage,
                pathway.StartedOn,
                pathway.CurrentStageSince,
                evidence = pathway.Evidence.Select(e => new { e.Kind, e.On, sessionId = e.SessionId?.Value, e.Note }),
                signOffs = pathway.SignOffs.Select(s => new { s.From, s.To, signedOffIn = s.Capacity, s.On }),
                supportPlan = pathway.SupportPlan is { } plan
                    ? new { plan.DebriefArrangements, mentorNamed = plan.MentorId is not null, plan.PaymentArrangements, plan.ReviewOn }
                    : null,
            },
        };
    }
}

/// <summary>
/// On a participant's erasure, removes their words from the training programmes: their descriptions of what they
/// co-designed, the notes and support plan of their patient-trainer pathway, the notes of readiness items they rated,
/// and, in cohorts, the name and withdrawal reason of their team and the cancellation reasons of sessions they facilitate
/// (text that names no one by id, removed because the person is linked to the record).
/// </summary>
internal sealed class ProgrammesDataEraser(
    IProgrammeStore programmes,
    ICohortStore cohorts,
    IPatientTrainerPathwayStore pathways,
    Readiness.IReadinessAssessmentStore readiness) : IParticipantDataEraser
{
    public async Task<IReadOnlyList<Primitives.IAggregateRoot>> EraseAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var changed = new List<Primitives.IAggregateRoot>();
        var programmeList = await programmes.ListAsync(cancellationToken).ConfigureAwait(false);
        changed.AddRange(programmeList.Where(p => p.RemovePersonalText(participantId)));
        foreach (var programme in programmeList)
        {
            changed.AddRange((await cohorts.ListByProgrammeAsync(programme.Id, cancellationToken).ConfigureAwait(false)).Where(c => c.RemovePersonalText(participantId)));
        }

        if (await pathways.FindByParticipantAsync(participantId, cancellationToken).ConfigureAwait(false) is { } pathway)
        {
            pathway.RemovePersonalText();
            changed.Add(pathway);
        }

        changed.AddRange((await readiness.ListAsync(cancellationToken).ConfigureAwait(false)).Where(a => a.RemovePersonalText(participantId)));
        return changed;
    }
}
