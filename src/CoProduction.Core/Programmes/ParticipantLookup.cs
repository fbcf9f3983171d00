using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Programmes;

/// <summary>Looks participants up for the programme services, refusing ids that are unknown to the current organisation.</summary>
internal static class ParticipantLookup
{
    /// <summary>
    /// Finds a participant of the current organisation, or throws <see cref="PeopleErrorCodes.ParticipantNotFound"/>
    /// (or <see cref="PeopleErrorCodes.ParticipantErased"/> for an erased one, who takes on nothing new).
    /// </summary>
    internal static async Task<Participant> RequireAsync(IParticipantStore participants, ParticipantId id, string role, CancellationToken cancellationToken)
    {
        var participant = await participants.FindAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(
                PeopleErrorCodes.ParticipantNotFound,
                $"No participant {id} is registered in this organisation, so they cannot be added as {role}. Register them as a participant first (or check the id).");
        Rule.Require(
            !participant.IsErased,
            PeopleErrorCodes.ParticipantErased,
            $"Participant {id} has been erased, so they cannot be added as {role}: register them again if they return.");
        return participant;
    }

    /// <summary>Finds several participants of the current organisation, in order, or throws for the first unknown one.</summary>
    internal static async Task<List<Participant>> RequireAllAsync(IParticipantStore participants, IEnumerable<ParticipantId> ids, string role, CancellationToken cancellationToken)
    {
        var found = new List<Participant>();
        foreach (var id in ids)
        {
            found.Add(await RequireAsync(participants, id, role, cancellationToken).ConfigureAwait(false));
        }

        return found;
    }
}
