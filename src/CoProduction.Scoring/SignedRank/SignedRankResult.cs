namespace CoProduction.Scoring;

/// <summary>The outcome of a Wilcoxon signed-rank test on paired data.</summary>
public sealed record SignedRankResult
{
    /// <summary>V: the sum of the (mid-)ranks of |x - y| over the positive differences, as R's <c>wilcox.test</c> reports it.</summary>
    public required double V { get; init; }

    /// <summary>The p-value for <see cref="Alternative"/>; <see cref="double.NaN"/> when every difference is zero.</summary>
    public required double PValue { get; init; }

    /// <summary>True when the p-value comes from the exact null distribution (n &lt; 50, no ties, no zero differences).</summary>
    public required bool IsExact { get; init; }

    /// <summary>The number of non-zero differences, which are the ones ranked.</summary>
    public required int N { get; init; }

    /// <summary>How many pairs had a zero difference and were dropped before ranking.</summary>
    public required int ZeroDifferences { get; init; }

    /// <summary>True when two or more non-zero |differences| are equal and share a mid-rank.</summary>
    public required bool HasTies { get; init; }

    /// <summary>The alternative hypothesis tested.</summary>
    public required Alternative Alternative { get; init; }

    /// <summary>
    /// The standardised statistic (V - n (n + 1) / 4) / sigma with the tie-corrected sigma and no continuity correction;
    /// <see cref="double.NaN"/> when n = 0.
    /// </summary>
    public required double Z { get; init; }

    /// <summary>
    /// Matched-pairs rank-biserial correlation (Kerby 2014): (T+ - T-) / (T+ + T-) = (2 V - S) / S with
    /// S = n (n + 1) / 2; from -1 (every difference negative) to 1 (every difference positive).
    /// </summary>
    public required double RankBiserialCorrelation { get; init; }

    /// <summary>The effect size r = Z / sqrt(N) (Rosenthal 1991), using <see cref="Z"/> and the non-zero count N.</summary>
    public required double EffectSizeR { get; init; }
}
