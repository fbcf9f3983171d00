using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Evaluation;
using CoProduction.Programmes.Pathways;
using CoProduction.Programmes.Readiness;

namespace CoProduction.Core.Tests.Programmes;

/// <summary>Valid sample aggregates of the Programmes area, for <see cref="PublicApiGuardTests"/>.</summary>
internal static class ProgrammeApiSamples
{
    /// <summary>Returns a valid sample of a Programmes type, or <see langword="null"/> when the type is not one this helper knows.</summary>
    public static object? For(Type type, OrganisationId organisationId, TimeProvider clock)
    {
        if (type == typeof(Programme))
        {
            return NewProgramme(organisationId, clock);
        }

        if (type == typeof(CurriculumVersion))
        {
            return NewProgramme(organisationId, clock).GetVersion(1);
        }

        if (type == typeof(CompletionPolicy))
        {
            return CompletionPolicy.Default;
        }

        if (type == typeof(Cohort))
        {
            return Cohort.Plan(NewProgramme(organisationId, clock), 1, "Cohort", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), clock);
        }

        if (type == typeof(PatientTrainerPathway))
        {
            var partner = Participant.Register(organisationId, "Patient partner A", [ParticipantRole.PatientPartner], clock);
            return PatientTrainerPathway.Start(partner, new DateOnly(2025, 1, 1), clock);
        }

        if (type == typeof(ReadinessAssessment))
        {
            return ReadinessAssessment.Start(organisationId, "Readiness", null, ReadinessChecklist.Default, clock);
        }

        if (type == typeof(Questionnaire))
        {
            return NewQuestionnaire(organisationId, clock);
        }

        if (type == typeof(CohortEvaluation))
        {
            var cohort = Cohort.Plan(NewProgramme(organisationId, clock), 1, "Cohort", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), clock);
            return CohortEvaluation.Start(cohort, NewQuestionnaire(organisationId, clock), clock);
        }

        return null;
    }

    private static Questionnaire NewQuestionnaire(OrganisationId organisationId, TimeProvider clock) =>
        Questionnaire.Create(organisationId, "Confidence", 1, 5, [new LikertItem("confidence", "I feel confident to co-produce")], clock);

    private static Programme NewProgramme(OrganisationId organisationId, TimeProvider clock)
    {
        var programme = Programme.Create(organisationId, "Co-Production for Improvement", "Improve with patients", clock);
        programme.PublishVersion(
            "First version",
            [new CurriculumModule("M1", "Intro", ["Explain co-production"], TimeSpan.FromHours(2), DeliveryMode.InPerson)],
            [new CoDesignContribution(ParticipantId.New(), CoDesignPerspective.LivedExperience, "Shaped it")],
            clock);
        return programme;
    }
}
