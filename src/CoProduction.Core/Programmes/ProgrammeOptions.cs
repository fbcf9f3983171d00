using System.Globalization;
using CoProduction.Payments;
using CoProduction.Programmes.Pathways;

namespace CoProduction.Programmes;

/// <summary>
/// Options for training programmes: the patient-trainer pathway's evidence thresholds, the pathway stage a patient
/// partner needs to lead or co-facilitate a session, and how facilitation is paid.
/// </summary>
public sealed class ProgrammeOptions
{
    /// <summary>Gets the evidence a patient partner needs at each step of the patient-trainer pathway.</summary>
    public PathwayRequirements PatientTrainerPathway { get; } = new();

    /// <summary>
    /// Gets or sets the lowest stage of the patient-trainer pathway at which a patient partner may lead a session, and
    /// so count as the patient trainer leading it. A facilitator who is not a member of staff and whose pathway is
    /// below this stage (or who has no pathway) is refused as a session's lead
    /// (<see cref="ProgrammeErrorCodes.LeadNeedsPathwayStage"/>); a member of staff below it may lead, as staff, and the
    /// session then does not count as patient-led.
    /// </summary>
    /// <value>Default: <see cref="PathwayStage.LeadTrainer"/>. <see cref="PathwayStage.Observer"/> is not allowed: observers shadow.</value>
    public PathwayStage MinimumStageToLead { get; set; } = PathwayStage.LeadTrainer;

    /// <summary>
    /// Gets or sets the lowest stage of the patient-trainer pathway at which a patient partner may co-facilitate a
    /// session, and so count as a patient trainer delivering it. A facilitator who is not a member of staff and whose
    /// pathway is below this stage (or who has no pathway) is refused as a co-facilitator
    /// (<see cref="ProgrammeErrorCodes.CoFacilitatorNeedsPathwayStage"/>); anyone may shadow.
    /// </summary>
    /// <value>Default: <see cref="PathwayStage.CoFacilitator"/>. It must not be above <see cref="MinimumStageToLead"/>, and not <see cref="PathwayStage.Observer"/>.</value>
    public PathwayStage MinimumStageToCoFacilitate { get; set; } = PathwayStage.CoFacilitator;

    /// <summary>Gets or sets the rate card's role level at which a patient trainer who leads a session is paid.</summary>
    /// <value>Default: <c>Lead</c>.</value>
    public string LeadFacilitatorRoleLevel { get; set; } = "Lead";

    /// <summary>Gets or sets the rate card's role level at which a patient trainer who co-facilitates a session is paid.</summary>
    /// <value>Default: <c>Partner</c>.</value>
    public string CoFacilitatorRoleLevel { get; set; } = "Partner";

    /// <summary>Reports every mistake in these options, one message each.</summary>
    /// <param name="rateCard">The rate card the role levels must name levels of.</param>
    /// <returns>The failures; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate(RateCard rateCard)
    {
        ArgumentNullException.ThrowIfNull(rateCard);
        var failures = new List<string>();
        CheckRoleLevel(nameof(LeadFacilitatorRoleLevel), LeadFacilitatorRoleLevel, rateCard, failures);
        CheckRoleLevel(nameof(CoFacilitatorRoleLevel), CoFacilitatorRoleLevel, rateCard, failures);
        failures.AddRange(PatientTrainerPathway.Validate());
        CheckStage(nameof(MinimumStageToLead), MinimumStageToLead, failures);
        CheckStage(nameof(MinimumStageToCoFacilitate), MinimumStageToCoFacilitate, failures);
        if (MinimumStageToCoFacilitate > MinimumStageToLead)
        {
            failures.Add($"Programmes.MinimumStageToCoFacilitate ({MinimumStageToCoFacilitate}) is above Programmes.MinimumStageToLead ({MinimumStageToLead}): someone allowed to lead must be allowed to co-facilitate. Lower MinimumStageToCoFacilitate or raise MinimumStageToLead.");
        }

        return failures;
    }

    private static void CheckStage(string name, PathwayStage stage, List<string> failures)
    {
        if (!Enum.IsDefined(stage))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Programmes.{name} is {(int)stage}, which is not a pathway stage: use CoFacilitator or LeadTrainer."));
        }
        else if (stage == PathwayStage.Observer)
        {
            failures.Add($"Programmes.{name} is Observer, but observers only shadow sessions: use CoFacilitator or LeadTrainer.");
        }
    }

    private static void CheckRoleLevel(string name, string? level, RateCard rateCard, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(level))
        {
            failures.Add($"Programmes.{name} is blank: name a role level of the rate card, such as 'Lead'.");
        }
        else if (rateCard.Rates.All(r => r is null || !string.Equals(r.RoleLevel?.Trim(), level.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"Programmes.{name} is '{level}', which is not a role level of Payments.RateCard: use one of {string.Join(", ", rateCard.Rates.Where(r => r is not null).Select(r => r.RoleLevel))}, or add it to the rate card.");
        }
    }
}

/// <summary>The evidence needed to move up one step of the patient-trainer pathway, counted since the current step began.</summary>
public sealed class StageRequirement
{
    /// <summary>Gets or sets how many sessions must have been observed (shadowed).</summary>
    public int SessionsObserved { get; set; }

    /// <summary>Gets or sets how many sessions must have been co-delivered (co-facilitated or led).</summary>
    public int SessionsCoDelivered { get; set; }

    /// <summary>Gets or sets how many supervision sessions must have taken place.</summary>
    public int Supervisions { get; set; }

    /// <summary>Gets or sets how many debriefs must have taken place.</summary>
    public int Debriefs { get; set; }

    internal IEnumerable<string> Validate(string name)
    {
        foreach (var (field, value) in new[] { (nameof(SessionsObserved), SessionsObserved), (nameof(SessionsCoDelivered), SessionsCoDelivered), (nameof(Supervisions), Supervisions), (nameof(Debriefs), Debriefs) })
        {
            if (value is < 0 or > 100)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"Programmes.PatientTrainerPathway.{name}.{field} is {value}: give a number from 0 (not needed) to 100.");
            }
        }
    }
}

/// <summary>The evidence a patient partner needs at each step of the pathway Observer, CoFacilitator, LeadTrainer.</summary>
public sealed class PathwayRequirements
{
    /// <summary>Gets what an observer needs to become a co-facilitator.</summary>
    /// <value>Default: 2 sessions observed and 1 debrief.</value>
    public StageRequirement ToCoFacilitator { get; } = new() { SessionsObserved = 2, Debriefs = 1 };

    /// <summary>Gets what a co-facilitator needs to become a lead trainer.</summary>
    /// <value>Default: 3 sessions co-delivered and 1 supervision.</value>
    public StageRequirement ToLeadTrainer { get; } = new() { SessionsCoDelivered = 3, Supervisions = 1 };

    /// <summary>Gets or sets whether a support plan (debriefs, mentoring, payment) must be agreed before any progression.</summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool RequireSupportPlan { get; set; } = true;

    internal IEnumerable<string> Validate() => ToCoFacilitator.Validate(nameof(ToCoFacilitator)).Concat(ToLeadTrainer.Validate(nameof(ToLeadTrainer)));
}
