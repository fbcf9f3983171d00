using CoProduction.Primitives;

namespace CoProduction.Programmes;

/// <summary>
/// The delivery rules a trust sets for a programme, enforced by every cohort planned from it: patient trainers among
/// each session's facilitators and in the lead, lived experience in every enrolled team, and cohort size limits.
/// A cohort keeps the rules in force when it was planned. Immutable.
/// </summary>
public sealed record DeliveryRules
{
    /// <summary>The rules used when a trust has not set its own: one patient trainer per session who leads it, one person with lived experience per team, 2 to 12 teams.</summary>
    public static DeliveryRules Default { get; } = new(1, true, 1, 2, 12);

    /// <summary>Initialises delivery rules.</summary>
    /// <param name="minimumPatientTrainersPerSession">How many of a session's delivering facilitators (lead and co-facilitators) must be patient trainers; 0 turns the rule off.</param>
    /// <param name="leadMustBePatientTrainer">Whether a session's lead facilitator must be a patient trainer.</param>
    /// <param name="minimumLivedExperienceMembersPerTeam">How many members of each enrolled team must be patients, carers, service users or community members; 0 turns the rule off.</param>
    /// <param name="minimumTeams">The fewest teams a cohort can start with (at least 1).</param>
    /// <param name="maximumTeams">The most teams a cohort can enrol (at least <paramref name="minimumTeams"/>).</param>
    /// <exception cref="ArgumentException">A number is out of range.</exception>
    public DeliveryRules(int minimumPatientTrainersPerSession, bool leadMustBePatientTrainer, int minimumLivedExperienceMembersPerTeam, int minimumTeams, int maximumTeams)
    {
        Input.InRange(minimumPatientTrainersPerSession, nameof(minimumPatientTrainersPerSession), 0, 20);
        Input.InRange(minimumLivedExperienceMembersPerTeam, nameof(minimumLivedExperienceMembersPerTeam), 0, 20);
        Input.InRange(minimumTeams, nameof(minimumTeams), 1, 1000);
        if (maximumTeams < minimumTeams || maximumTeams > 1000)
        {
            throw new InvalidInputException(nameof(maximumTeams), $"The maximum number of teams ({maximumTeams}) must be at least the minimum ({minimumTeams}) and at most 1000.");
        }

        MinimumPatientTrainersPerSession = minimumPatientTrainersPerSession;
        LeadMustBePatientTrainer = leadMustBePatientTrainer;
        MinimumLivedExperienceMembersPerTeam = minimumLivedExperienceMembersPerTeam;
        MinimumTeams = minimumTeams;
        MaximumTeams = maximumTeams;
    }

    /// <summary>Gets how many of a session's delivering facilitators must be patient trainers (0: no rule).</summary>
    public int MinimumPatientTrainersPerSession { get; }

    /// <summary>Gets whether a session's lead facilitator must be a patient trainer.</summary>
    public bool LeadMustBePatientTrainer { get; }

    /// <summary>Gets how many members of each team must bring lived experience (0: no rule).</summary>
    public int MinimumLivedExperienceMembersPerTeam { get; }

    /// <summary>Gets the fewest teams a cohort can start with.</summary>
    public int MinimumTeams { get; }

    /// <summary>Gets the most teams a cohort can enrol.</summary>
    public int MaximumTeams { get; }
}
