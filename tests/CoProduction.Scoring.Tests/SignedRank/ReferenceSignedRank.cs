namespace CoProduction.Scoring.Tests;

/// <summary>A literal Wilcoxon signed-rank reference: O(n^2) mid-ranks, sign-pattern enumeration for exact p.</summary>
internal static class ReferenceSignedRank
{
    public sealed record Outcome(double V, int N, bool IsExact, double PValue);

    public static Outcome Compute(double[] differences, Alternative alternative)
    {
        var nonZero = differences.Where(d => d != 0).ToArray();
        var zeros = nonZero.Length != differences.Length;
        var n = nonZero.Length;
        var ranks = new double[n];
        for (var i = 0; i < n; i++)
        {
            // Mid-rank: 1 + (number strictly smaller) + (number equal excluding self) / 2.
            double smaller = 0, equal = 0;
            for (var j = 0; j < n; j++)
            {
                if (Math.Abs(nonZero[j]) < Math.Abs(nonZero[i]))
                {
                    smaller++;
                }
                else if (j != i && Math.Abs(nonZero[j]) == Math.Abs(nonZero[i]))
                {
                    equal++;
                }
            }

            ranks[i] = 1 + smaller + (equal / 2);
        }

        double v = 0;
        for (var i = 0; i < n; i++)
        {
            if (nonZero[i] > 0)
            {
                v += ranks[i];
            }
        }

        var ties = ranks.Distinct().Count() != n;
        var exact = n < 50 && !ties && !zeros;
        if (n == 0)
        {
            return new Outcome(v, n, exact, double.NaN);
        }

        if (exact)
        {
            return new Outcome(v, n, true, ExactPByEnumeration(v, n, alternative));
        }

        double tieTerm = ranks.GroupBy(r => r).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
        var mean = n * (n + 1) / 4.0;
        var sigma = Math.Sqrt((n * (n + 1.0) * ((2.0 * n) + 1) / 24) - (tieTerm / 48));
        var z = v - mean;
        var correction = alternative switch
        {
            Alternative.TwoSided => Math.Sign(z) * 0.5,
            Alternative.Greater => 0.5,
            _ => -0.5,
        };
        z = (z - correction) / sigma;
        var p = alternative switch
        {
            Alternative.Less => NormalDistribution.Cdf(z),
            Alternative.Greater => 1 - NormalDistribution.Cdf(z),
            _ => 2 * Math.Min(NormalDistribution.Cdf(z), 1 - NormalDistribution.Cdf(z)),
        };
        return new Outcome(v, n, false, p);
    }

    /// <summary>Enumerates all 2^n sign patterns of ranks 1..n and counts those as extreme as v.</summary>
    public static double ExactPByEnumeration(double v, int n, Alternative alternative)
    {
        long atLeast = 0, atMost = 0;
        for (long pattern = 0; pattern < 1L << n; pattern++)
        {
            var sum = 0;
            for (var rank = 1; rank <= n; rank++)
            {
                if ((pattern & (1L << (rank - 1))) != 0)
                {
                    sum += rank;
                }
            }

            atLeast += sum >= v ? 1 : 0;
            atMost += sum <= v ? 1 : 0;
        }

        var total = Math.Pow(2, n);
        return alternative switch
        {
            Alternative.Greater => atLeast / total,
            Alternative.Less => atMost / total,
            _ => Math.Min(1, 2 * (v > n * (n + 1) / 4.0 ? atLeast : atMost) / total),
        };
    }
}
