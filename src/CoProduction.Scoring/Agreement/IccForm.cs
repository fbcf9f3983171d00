namespace CoProduction.Scoring;

/// <summary>The six Shrout and Fleiss (1979) intraclass correlation forms.</summary>
public enum IccForm
{
    /// <summary>ICC(1,1): one-way random effects, a single judge.</summary>
    Icc1,

    /// <summary>ICC(2,1): two-way random effects, absolute agreement, a single judge.</summary>
    Icc2,

    /// <summary>ICC(3,1): two-way mixed effects, consistency, a single judge.</summary>
    Icc3,

    /// <summary>ICC(1,k): one-way random effects, the mean of k judges.</summary>
    Icc1k,

    /// <summary>ICC(2,k): two-way random effects, absolute agreement, the mean of k judges.</summary>
    Icc2k,

    /// <summary>ICC(3,k): two-way mixed effects, consistency, the mean of k judges.</summary>
    Icc3k,
}
