namespace CoProduction.Scoring;

/// <summary>A kappa with its large-sample standard errors and the test of no agreement beyond chance.</summary>
/// <remarks>
/// <see cref="StandardError"/> is for intervals (it holds wherever kappa is); <see cref="StandardErrorUnderNull"/>
/// holds when the true kappa is 0 and is the one the z test uses, as statsmodels' <c>cohens_kappa</c> and R's
/// <c>irr::kappam.fleiss</c> report them.
/// </remarks>
public sealed record KappaEstimate
{
    /// <summary>The kappa.</summary>
    public required double Kappa { get; init; }

    /// <summary>
    /// The asymptotic standard error (Fleiss, Cohen and Everitt 1969 for Cohen's kappa); <see cref="double.NaN"/>
    /// where the library offers none (Fleiss' kappa: use <see cref="Agreement.FleissKappaBootstrap"/>).
    /// </summary>
    public required double StandardError { get; init; }

    /// <summary>The standard error when the true kappa is 0 (Fleiss, Cohen and Everitt 1969; Fleiss, Nee and Landis 1979).</summary>
    public required double StandardErrorUnderNull { get; init; }

    /// <summary>z = kappa / <see cref="StandardErrorUnderNull"/>.</summary>
    public double Z => Kappa / StandardErrorUnderNull;

    /// <summary>The two-sided p-value of z under the standard normal distribution.</summary>
    public double PValue => 2 * NormalDistribution.Cdf(-Math.Abs(Z));

    /// <summary>The Wald interval kappa +/- z(1 - (1 - confidence) / 2) x <see cref="StandardError"/>.</summary>
    /// <param name="confidence">The confidence level, strictly between 0 and 1.</param>
    /// <returns>The interval (NaN bounds when <see cref="StandardError"/> is NaN).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not strictly between 0 and 1.</exception>
    public ConfidenceInterval Interval(double confidence = 0.95)
    {
        Agreement.CheckConfidence(confidence);
        var half = NormalDistribution.Quantile(1 - ((1 - confidence) / 2)) * StandardError;
        return new ConfidenceInterval(Kappa, Kappa - half, Kappa + half, confidence);
    }
}
