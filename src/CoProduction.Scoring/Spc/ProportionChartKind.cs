namespace CoProduction.Scoring;

/// <summary>Which limits a proportion chart uses.</summary>
public enum ProportionChartKind
{
    /// <summary>
    /// The p chart: limits p-bar +/- 3 sqrt(p-bar (1 - p-bar) / n_i) for a point with denominator n_i, from the binomial
    /// model alone.
    /// </summary>
    P,

    /// <summary>
    /// Laney's p' chart (Laney 2002, "Improved control charts for attributes", Quality Engineering 14(4), 531-537):
    /// the p chart's sigma multiplied by sigma_z, the spread of the points' z-scores between periods estimated from
    /// their moving ranges. It keeps large denominators (hundreds of projects, thousands of patients) from giving limits
    /// so narrow that every point is a special cause (over-dispersion), and reduces to the p chart when sigma_z is 1.
    /// </summary>
    LaneyPPrime,
}
