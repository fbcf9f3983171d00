namespace CoProduction.Scoring;

/// <summary>
/// The six intraclass correlation coefficients of Shrout and Fleiss (1979), "Intraclass correlations: uses in assessing
/// rater reliability", Psychological Bulletin 86(2), 420-428, computed from one two-way table of n targets by k judges.
/// </summary>
/// <remarks>
/// With the mean squares of the two-way analysis of variance (BMS between targets, WMS within targets, JMS between
/// judges, EMS residual), the forms are: ICC(1,1) = (BMS - WMS) / (BMS + (k - 1) WMS);
/// ICC(2,1) = (BMS - EMS) / (BMS + (k - 1) EMS + k (JMS - EMS) / n); ICC(3,1) = (BMS - EMS) / (BMS + (k - 1) EMS);
/// ICC(1,k) = (BMS - WMS) / BMS; ICC(2,k) = (BMS - EMS) / (BMS + (JMS - EMS) / n); ICC(3,k) = (BMS - EMS) / BMS.
/// A form whose denominator is zero (no variation at all) is <see cref="double.NaN"/>.
/// </remarks>
public sealed record IntraclassCorrelation
{
    /// <summary>Number of targets (rows).</summary>
    public required int Targets { get; init; }

    /// <summary>Number of judges (columns).</summary>
    public required int Judges { get; init; }

    /// <summary>Mean square between targets (BMS), with n - 1 degrees of freedom.</summary>
    public required double BetweenTargetsMeanSquare { get; init; }

    /// <summary>Mean square within targets (WMS), with n (k - 1) degrees of freedom.</summary>
    public required double WithinTargetsMeanSquare { get; init; }

    /// <summary>Mean square between judges (JMS), with k - 1 degrees of freedom.</summary>
    public required double BetweenJudgesMeanSquare { get; init; }

    /// <summary>Residual mean square (EMS), with (n - 1)(k - 1) degrees of freedom.</summary>
    public required double ResidualMeanSquare { get; init; }

    /// <summary>ICC(1,1): one-way random effects, reliability of a single judge's rating.</summary>
    public double Icc1 => Ratio(BetweenTargetsMeanSquare - WithinTargetsMeanSquare, BetweenTargetsMeanSquare + ((Judges - 1) * WithinTargetsMeanSquare));

    /// <summary>ICC(2,1): two-way random effects (absolute agreement), reliability of a single judge's rating.</summary>
    public double Icc2 => Ratio(
        BetweenTargetsMeanSquare - ResidualMeanSquare,
        BetweenTargetsMeanSquare + ((Judges - 1) * ResidualMeanSquare) + (Judges * (BetweenJudgesMeanSquare - ResidualMeanSquare) / Targets));

    /// <summary>ICC(3,1): two-way mixed effects (consistency), reliability of a single judge's rating.</summary>
    public double Icc3 => Ratio(BetweenTargetsMeanSquare - ResidualMeanSquare, BetweenTargetsMeanSquare + ((Judges - 1) * ResidualMeanSquare));

    /// <summary>ICC(1,k): one-way random effects, reliability of the mean of the k judges.</summary>
    public double Icc1k => Ratio(BetweenTargetsMeanSquare - WithinTargetsMeanSquare, BetweenTargetsMeanSquare);

    /// <summary>ICC(2,k): two-way random effects (absolute agreement), reliability of the mean of the k judges.</summary>
    public double Icc2k => Ratio(
        BetweenTargetsMeanSquare - ResidualMeanSquare,
        BetweenTargetsMeanSquare + ((BetweenJudgesMeanSquare - ResidualMeanSquare) / Targets));

    /// <summary>ICC(3,k): two-way mixed effects (consistency), reliability of the mean of the k judges.</summary>
    public double Icc3k => Ratio(BetweenTargetsMeanSquare - ResidualMeanSquare, BetweenTargetsMeanSquare);

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? double.NaN : numerator / denominator;
}
