using CoProduction.People;

namespace CoProduction.Partners;

/// <summary>Options for recruiting, onboarding and supporting partners.</summary>
public sealed class PartnerOptions
{
    /// <summary>
    /// Gets or sets the participant roles of the participation team: the people who may write and read confidential
    /// support records (debriefs, wellbeing check-ins, support-plan reviews). The actor's roles are read from their
    /// participant record (<see cref="Primitives.IActorContext"/>); a system process is never on the team.
    /// </summary>
    /// <value>Staff only.</value>
    public ParticipantRole[] ParticipationTeamRoles { get; set; } = [ParticipantRole.Staff];

    /// <summary>Gets or sets within how many days after a story-sharing session a debrief falls due.</summary>
    /// <value>Default: 7 days.</value>
    public int DebriefWithinDays { get; set; } = 7;

    /// <summary>Reports every mistake in these options, one message each.</summary>
    /// <returns>The failures; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (ParticipationTeamRoles is null || ParticipationTeamRoles.Length == 0)
        {
            failures.Add("Partners.ParticipationTeamRoles is empty: name at least one role whose holders make up the participation team, such as Staff.");
        }

        if (DebriefWithinDays is < 0 or > 90)
        {
            failures.Add($"Partners.DebriefWithinDays is {DebriefWithinDays}: give 0 to 90 days.");
        }

        return failures;
    }
}
