using System.Globalization;

namespace CoProduction.Involvement;

/// <summary>
/// Options for involvement in improvement projects: the thresholds of the challenge-detection rules and of the impact
/// analysis. The payment-delay rule uses <see cref="Payments.PaymentOptions.PaymentTargetDays"/>, so that "overdue"
/// means the same in the payments and involvement areas.
/// </summary>
public sealed class InvolvementOptions
{
    /// <summary>Gets or sets how many active projects one patient partner or carer may be on before it counts as over-reliance on the same few people.</summary>
    /// <value>Default: 3 (a partner on a fourth active project is flagged).</value>
    public int MaxActiveProjectsPerPartner { get; set; } = 3;

    /// <summary>Gets or sets within how many days of an involvement activity the participants should hear what was done with their input ("you said, we did").</summary>
    /// <value>Default: 28 days.</value>
    public int FeedbackDueWithinDays { get; set; } = 28;

    /// <summary>Gets or sets how many days after a project closes the check for continuing involvement starts (no involvement recorded after closure).</summary>
    /// <value>Default: 90 days.</value>
    public int PostClosureCheckAfterDays { get; set; } = 90;

    /// <summary>Gets or sets how many of the latest values must stay on the improving side of the baseline mean for an improvement to count as sustained.</summary>
    /// <value>Default: 6.</value>
    public int SustainedPoints { get; set; } = 6;

    /// <summary>Gets or sets the fewest baseline values from which process limits are worked out.</summary>
    /// <value>Default: 12 (NHS Making Data Count advice is 15-20 where available; fewer give wider uncertainty).</value>
    public int MinimumBaselinePoints { get; set; } = 12;

    internal IEnumerable<string> Validate()
    {
        if (MaxActiveProjectsPerPartner < 1)
        {
            yield return $"Involvement.MaxActiveProjectsPerPartner is {I(MaxActiveProjectsPerPartner)}: set it to 1 or more (the default is 3).";
        }

        if (FeedbackDueWithinDays < 1)
        {
            yield return $"Involvement.FeedbackDueWithinDays is {I(FeedbackDueWithinDays)}: set it to 1 day or more (the default is 28).";
        }

        if (PostClosureCheckAfterDays < 0)
        {
            yield return $"Involvement.PostClosureCheckAfterDays is {I(PostClosureCheckAfterDays)}: set it to 0 days or more (the default is 90).";
        }

        if (SustainedPoints < 2)
        {
            yield return $"Involvement.SustainedPoints is {I(SustainedPoints)}: set it to 2 or more (the default is 6).";
        }

        if (MinimumBaselinePoints < 2)
        {
            yield return $"Involvement.MinimumBaselinePoints is {I(MinimumBaselinePoints)}: set it to 2 or more (the default is 12).";
        }
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
