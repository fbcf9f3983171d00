using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Partners;

/// <summary>
/// Who the participation team is: people whose participant record holds one of
/// <see cref="PartnerOptions.ParticipationTeamRoles"/>, not erased. The person is always the current actor
/// (<see cref="IActorContext"/>), never a parameter, so the record of who did something cannot be put in someone
/// else's name; a system process is never on the team.
/// </summary>
internal static class ParticipationTeam
{
    /// <summary>Returns the current actor's participant id when they are on the participation team; otherwise refuses.</summary>
    /// <param name="actorContext">Who the current command runs for.</param>
    /// <param name="participants">Where their roles are read from.</param>
    /// <param name="options">The partner options naming the team's roles.</param>
    /// <param name="refusal">What only the team may do and why, as the start of the refusal's message, such as "Support records are confidential: only the participation team may read them".</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The team member's participant id.</returns>
    /// <exception cref="DomainRuleViolationException">Of kind <see cref="ErrorKind.Forbidden"/> (<see cref="PartnerErrorCodes.NotParticipationTeam"/>): the actor is a system process, unknown, erased or holds none of the roles.</exception>
    internal static async Task<ParticipantId> RequireMemberAsync(IActorContext actorContext, IParticipantStore participants, PartnerOptions options, string refusal, CancellationToken cancellationToken)
    {
        var actor = actorContext.CurrentActor;
        var person = actor.ParticipantId is { } id ? await participants.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (person is null || person.IsErased || !person.Roles.Any(r => options.ParticipationTeamRoles.Contains(r)))
        {
            throw Rule.WithData(
                new DomainRuleViolationException(
                    PartnerErrorCodes.NotParticipationTeam,
                    $"{refusal} (people with the roles {string.Join(", ", options.ParticipationTeamRoles)}), and the current actor is {(actor.Kind == ActorKind.SystemProcess ? "a system process" : "not one of them")}.",
                    ErrorKind.Forbidden),
                ("actor", actor.ToString()));
        }

        return person.Id;
    }
}
