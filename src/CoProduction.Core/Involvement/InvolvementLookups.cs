using CoProduction.Involvement.Assessments;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Involvement;

/// <summary>Loads the records the involvement services need, turning a missing one into a clear rule violation.</summary>
internal static class InvolvementLookups
{
    internal static async Task<InvolvementFramework> RequireFrameworkAsync(this IInvolvementFrameworkStore store, InvolvementFrameworkId id, CancellationToken cancellationToken)
        => await store.FindAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(InvolvementErrorCodes.FrameworkNotFound, $"There is no involvement framework {id} in this organisation: check the id, or list the frameworks to find it.");

    internal static async Task<ImprovementProject> RequireProjectAsync(this IImprovementProjectStore store, ImprovementProjectId id, CancellationToken cancellationToken)
        => await store.FindAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(InvolvementErrorCodes.ProjectNotFound, $"There is no improvement project {id} in this organisation: check the id.");

    internal static async Task<Assessment> RequireAssessmentAsync(this IAssessmentStore store, AssessmentId id, CancellationToken cancellationToken)
        => await store.FindAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(InvolvementErrorCodes.AssessmentNotFound, $"There is no involvement assessment {id} in this organisation: check the id.");

    /// <summary>Loads a participant who may take on a new part (team member, involvement, assessor): they must exist here and not be erased.</summary>
    internal static async Task<Participant> RequireParticipantAsync(this IParticipantStore store, ParticipantId id, CancellationToken cancellationToken)
    {
        var participant = await store.FindAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(PeopleErrorCodes.ParticipantNotFound, $"There is no participant {id} in this organisation: register them first (ParticipantService), or check the id.");
        Rule.Require(!participant.IsErased, PeopleErrorCodes.ParticipantErased, $"Participant {id} has been erased, so they cannot take on a new part in improvement projects or assessments: register them again if they return.");
        return participant;
    }
}
