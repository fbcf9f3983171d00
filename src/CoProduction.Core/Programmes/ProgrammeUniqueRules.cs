using CoProduction.Programmes.Evaluation;
using CoProduction.Programmes.Pathways;
using CoProduction.Storage;

namespace CoProduction.Programmes;

/// <summary>The Programmes rules that say "one", kept by every store (see <see cref="UniqueRule"/>).</summary>
internal static class ProgrammeUniqueRules
{
    /// <summary>One patient-trainer pathway per participant.</summary>
    internal static readonly UniqueRule<PatientTrainerPathway> OnePathwayPerParticipant = new(
        ProgrammeErrorCodes.PathwayAlreadyExists,
        p => $"Participant {p.ParticipantId} is already on the patient-trainer pathway (someone started it meanwhile): find their pathway with FindByParticipantAsync and record evidence on it rather than starting another.",
        p => p.ParticipantId);

    /// <summary>One evaluation per cohort and questionnaire.</summary>
    internal static readonly UniqueRule<CohortEvaluation> OneEvaluationPerCohortAndQuestionnaire = new(
        ProgrammeErrorCodes.EvaluationAlreadyExists,
        e => $"Cohort {e.CohortId} is already evaluated with questionnaire {e.QuestionnaireId} (someone started it meanwhile): record responses on that evaluation (see ListByCohortAsync) rather than starting another.",
        e => e.CohortId,
        e => e.QuestionnaireId);

    /// <summary>One programme per name in an organisation: the programme's natural key.</summary>
    internal static readonly UniqueRule<Programme> OneProgrammePerName = new(
        ProgrammeErrorCodes.ProgrammeNameTaken,
        p => $"A programme named '{p.Name}' already exists in this organisation: find it with ProgrammeService.FindByNameAsync and publish a new version of it, or give the new programme another name.",
        p => p.Name);

    /// <summary>Gets every rule of the area.</summary>
    internal static IReadOnlyList<UniqueRule> All { get; } = [OnePathwayPerParticipant, OneEvaluationPerCohortAndQuestionnaire, OneProgrammePerName];
}
