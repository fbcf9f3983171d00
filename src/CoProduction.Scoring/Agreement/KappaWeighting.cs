namespace CoProduction.Scoring;

/// <summary>How partial agreement between two ordered categories counts in <see cref="Agreement.CohenKappa(int[,], KappaWeighting)"/>.</summary>
public enum KappaWeighting
{
    /// <summary>Unweighted kappa: only identical categories agree (Cohen 1960).</summary>
    None,

    /// <summary>Linear weights: agreement weight 1 - |i - j| / (k - 1) (Cicchetti and Allison 1971).</summary>
    Linear,

    /// <summary>Quadratic weights: agreement weight 1 - (i - j)^2 / (k - 1)^2 (Cohen 1968; Fleiss and Cohen 1973).</summary>
    Quadratic,
}
