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

    /// <summary>The value of one form.</summary>
    /// <param name="form">Which of the six forms.</param>
    /// <returns>The intraclass correlation of that form.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="form"/> is not a defined form.</exception>
    public double Value(IccForm form) => form switch
    {
        IccForm.Icc1 => Icc1,
        IccForm.Icc2 => Icc2,
        IccForm.Icc3 => Icc3,
        IccForm.Icc1k => Icc1k,
        IccForm.Icc2k => Icc2k,
        IccForm.Icc3k => Icc3k,
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "Unknown ICC form."),
    };

    /// <summary>
    /// The F-distribution confidence interval of one form (McGraw and Wong 1996, "Forming inferences about some
    /// intraclass correlation coefficients", Psychological Methods 1(1), 30-46, Table 7), as R's <c>psych::ICC</c>
    /// computes it.
    /// </summary>
    /// <param name="form">Which of the six forms.</param>
    /// <param name="confidence">The confidence level, strictly between 0 and 1.</param>
    /// <returns>
    /// With a = 1 - confidence, n targets and k judges: ICC(1): F = BMS / WMS on (n - 1, n (k - 1)) degrees of freedom,
    /// FL = F / F(1 - a/2; n - 1, n (k - 1)), FU = F x F(1 - a/2; n (k - 1), n - 1), bounds (F' - 1) / (F' + k - 1)
    /// and, for ICC(1,k), 1 - 1 / F'. ICC(3): the same with F = BMS / EMS on (n - 1, (n - 1)(k - 1)). ICC(2): the
    /// Satterthwaite degrees of freedom v of McGraw and Wong, lower
    /// n (BMS - F* EMS) / (F* (k JMS + (k n - k - n) EMS) + n BMS) with F* = F(1 - a/2; n - 1, v), upper
    /// n (F** BMS - EMS) / (k JMS + (k n - k - n) EMS + n F** BMS) with F** = F(1 - a/2; v, n - 1), and for ICC(2,k)
    /// each bound L becomes k L / (1 + (k - 1) L). Bounds are NaN where a mean square ratio is undefined.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="form"/> is not a defined form, or <paramref name="confidence"/> is not strictly between 0 and 1.
    /// </exception>
    public ConfidenceInterval Interval(IccForm form, double confidence = 0.95)
    {
        var estimate = Value(form);
        Agreement.CheckConfidence(confidence);
        double n = Targets, k = Judges;
        var tail = 1 - ((1 - confidence) / 2);
        double lower, upper;
        switch (form)
        {
            case IccForm.Icc1 or IccForm.Icc1k or IccForm.Icc3 or IccForm.Icc3k:
            {
                var oneWay = form is IccForm.Icc1 or IccForm.Icc1k;
                var f = BetweenTargetsMeanSquare / (oneWay ? WithinTargetsMeanSquare : ResidualMeanSquare);
                var df1 = n - 1;
                var df2 = oneWay ? n * (k - 1) : (n - 1) * (k - 1);
                var fl = f / FDistribution.Quantile(tail, df1, df2);
                var fu = f * FDistribution.Quantile(tail, df2, df1);
                var average = form is IccForm.Icc1k or IccForm.Icc3k;
                lower = average ? 1 - (1 / fl) : (fl - 1) / (fl + k - 1);
                upper = average ? 1 - (1 / fu) : (fu - 1) / (fu + k - 1);
                break;
            }

            default:
            {
                var icc = Icc2;
                var fj = BetweenJudgesMeanSquare / ResidualMeanSquare;
                var a = (k * icc * fj) + (n * (1 + ((k - 1) * icc))) - (k * icc);
                var b = (n * (1 + ((k - 1) * icc))) - (k * icc);
                var v = (k - 1) * (n - 1) * a * a / (((n - 1) * k * k * icc * icc * fj * fj) + (b * b));
                var fStar = FDistribution.Quantile(tail, n - 1, v);
                var fStarStar = FDistribution.Quantile(tail, v, n - 1);
                var judges = (k * BetweenJudgesMeanSquare) + (((k * n) - k - n) * ResidualMeanSquare);
                lower = n * (BetweenTargetsMeanSquare - (fStar * ResidualMeanSquare)) / ((fStar * judges) + (n * BetweenTargetsMeanSquare));
                upper = n * ((fStarStar * BetweenTargetsMeanSquare) - ResidualMeanSquare) / (judges + (n * fStarStar * BetweenTargetsMeanSquare));
                if (form == IccForm.Icc2k)
                {
                    lower = k * lower / (1 + ((k - 1) * lower));
                    upper = k * upper / (1 + ((k - 1) * upper));
                }

                break;
            }
        }

        return new ConfidenceInterval(estimate, lower, upper, confidence);
    }

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? double.NaN : numerator / denominator;
}
