using CoProduction.People;
using CoProduction.Storage;

namespace CoProduction.Programmes.Pathways;

/// <summary>Stores patient-trainer pathways.</summary>
public interface IPatientTrainerPathwayStore : IAggregateStore<PatientTrainerPathway, PatientTrainerPathwayId>
{
    /// <summary>Finds a participant's pathway.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The pathway, or <see langword="null"/> when they have none.</returns>
    Task<PatientTrainerPathway?> FindByParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken);

    /// <summary>Lists the pathways at a stage (or all), by start date.</summary>
    /// <param name="stage">The stage, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The pathways.</returns>
    Task<IReadOnlyList<PatientTrainerPathway>> ListAsync(PathwayStage? stage, CancellationToken cancellationToken);
}
