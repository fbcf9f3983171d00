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

    /// <summary>
    /// Gets or sets the payment policy's role level at which a patient trainer who leads a session is paid; it must be a
    /// role level of the policy's latest version (checked at start-up). Set a level of its own, such as <c>Lead</c>,
    /// when your policy pays leading more.
    /// </summary>
    /// <value>Default: <c>Partner</c> (<see cref="PaymentPolicyPresets.PartnerLevel"/>, the level of the day-fee and per-block presets).</value>
    public string LeadFacilitatorRoleLevel { get; set; } = PaymentPolicyPresets.PartnerLevel;

    /// <summary>
    /// Gets or sets the payment policy's role level at which a patient trainer who co-facilitates a session is paid; it
    /// must be a role level of the policy's latest version (checked at start-up).
    /// </summary>
    /// <value>Default: <c>Partner</c> (<see cref="PaymentPolicyPresets.PartnerLevel"/>).</value>
    public string CoFacilitatorRoleLevel { get; set; } = PaymentPolicyPresets.PartnerLevel;

    /// <summary>Reports every mistake in these options, one message each.</summary>
    /// <param name="paymentPolicy">
    /// The payment policy whose latest version (the one that prices sessions delivered from now on) the role levels must
    /// name levels of; while it has no version, the role levels are only checked not to be blank.
    /// </param>
    /// <returns>The failures; empty when the options are valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paymentPolicy"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<string> Validate(PaymentPolicy paymentPolicy)
    {
        ArgumentNullException.ThrowIfNull(paymentPolicy);
        var latest = paymentPolicy.Versions.Where(v => v is not null).MaxBy(v => v.EffectiveFrom);
        var failures = new List<string>();
        CheckRoleLevel(nameof(LeadFacilitatorRoleLevel), LeadFacilitatorRoleLevel, latest, failures);
        CheckRoleLevel(nameof(CoFacilitatorRoleLevel), CoFacilitatorRoleLevel, latest, failures);
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

    private static void CheckRoleLevel(string name, string? level, PaymentPolicyVersion? latest, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(level))
        {
            failures.Add($"Programmes.{name} is blank: name a role level of the payment policy, such as 'Partner'.");
        }
        else if (latest is not null && latest.Rates.All(r => r is null || !string.Equals(r.RoleLevel?.Trim(), level.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"Programmes.{name} is '{level}', which is not a role level of the payment policy version in force from {latest.EffectiveFrom:yyyy-MM-dd} (Payments.Policy): use one of {string.Join(", ", latest.Rates.Where(r => r is not null).Select(r => r.RoleLevel))}, or add a rate for it to that version.");
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
