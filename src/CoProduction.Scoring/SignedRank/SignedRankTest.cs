using System.Buffers;

namespace CoProduction.Scoring;

/// <summary>The Wilcoxon signed-rank test for paired samples, computed as R 4.2's <c>wilcox.test(x, y, paired = TRUE)</c>.</summary>
public static class SignedRankTest
{
    /// <summary>Below this many non-zero differences (and without ties or zeros) the p-value is exact, as in R.</summary>
    public const int ExactLimit = 50;

    private const int RadixThreshold = 512;

    /// <summary>
    /// Wilcoxon signed-rank test of the paired differences x - y.
    /// </summary>
    /// <param name="x">First measurement of each pair (for example the post-course score).</param>
    /// <param name="y">Second measurement of each pair, same length as <paramref name="x"/>.</param>
    /// <param name="alternative">The alternative hypothesis about the differences x - y.</param>
    /// <returns>V, the p-value and effect sizes.</returns>
    /// <remarks>
    /// <para>
    /// Zero differences are dropped (R's default, Wilcoxon's treatment); the n remaining |differences| get mid-ranks
    /// and V is the rank sum of the positive ones. When n &lt; 50 and there are no ties and no zeros the p-value comes
    /// from the exact null distribution of V, counted by dynamic programming over rank sums (exact in binary
    /// floating point since the counts are below 2^53). Otherwise it is the normal approximation with continuity
    /// correction and the tie-corrected variance n (n + 1)(2n + 1) / 24 - sum(t^3 - t) / 48, as R does.
    /// </para>
    /// <para>Ranking sorts the differences with an allocation-light radix sort (O(n) time, one pooled buffer).</para>
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The spans are empty or of different lengths, or hold a NaN or infinite value (remove incomplete pairs first).
    /// </exception>
    public static SignedRankResult Wilcoxon(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Alternative alternative = Alternative.TwoSided)
    {
        if (x.IsEmpty)
        {
            throw new ArgumentException("There are no pairs: x is empty.", nameof(x));
        }

        if (y.Length != x.Length)
        {
            throw new ArgumentException($"x and y must pair up, but x has {x.Length} values and y has {y.Length}.", nameof(y));
        }

        if (!Enum.IsDefined(alternative))
        {
            throw new ArgumentOutOfRangeException(nameof(alternative), alternative, "Unknown alternative.");
        }

        var keys = ArrayPool<ulong>.Shared.Rent(x.Length);
        try
        {
            var n = 0;
            for (var i = 0; i < x.Length; i++)
            {
                if (!double.IsFinite(x[i]))
                {
                    throw new ArgumentException($"x[{i}] is {x[i]}; every value must be finite (drop incomplete pairs first).", nameof(x));
                }

                if (!double.IsFinite(y[i]))
                {
                    throw new ArgumentException($"y[{i}] is {y[i]}; every value must be finite (drop incomplete pairs first).", nameof(y));
                }

                var d = x[i] - y[i];
                if (d != 0)
                {
                    // Sort key: the bits of |d| (ordered like the values, since |d| is positive) and the sign in bit 0.
                    keys[n++] = ((ulong)BitConverter.DoubleToInt64Bits(Math.Abs(d)) << 1) | (d > 0 ? 1UL : 0UL);
                }
            }

            return Rank(keys.AsSpan(0, n), x.Length - n, alternative);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
        }
    }

    private static SignedRankResult Rank(Span<ulong> keys, int zeros, Alternative alternative)
    {
        var n = keys.Length;
        if (n < RadixThreshold)
        {
            keys.Sort();
        }
        else
        {
            RadixSort.Sort(keys);
        }

        double v = 0, tieCorrection = 0;
        var ties = false;
        var start = 0;
        while (start < n)
        {
            var magnitude = keys[start] >> 1;
            var end = start + 1;
            var positives = (int)(keys[start] & 1);
            while (end < n && keys[end] >> 1 == magnitude)
            {
                positives += (int)(keys[end] & 1);
                end++;
            }

            double t = end - start;
            var midrank = start + 1 + ((t - 1) / 2);
            v += positives * midrank;
            if (t > 1)
            {
                ties = true;
                tieCorrection += (t * t * t) - t;
            }

            start = end;
        }

        double nn = n;
        var mean = nn * (nn + 1) / 4;
        var sigma = Math.Sqrt((nn * (nn + 1) * ((2 * nn) + 1) / 24) - (tieCorrection / 48));
        var exact = n < ExactLimit && !ties && zeros == 0;
        var p = n == 0 ? double.NaN : exact ? ExactPValue(v, n, alternative) : ApproximatePValue(v, mean, sigma, alternative);
        var z = n == 0 || sigma == 0 ? double.NaN : (v - mean) / sigma;
        var totalRank = nn * (nn + 1) / 2;
        return new SignedRankResult
        {
            V = v,
            PValue = p,
            IsExact = exact,
            N = n,
            ZeroDifferences = zeros,
            HasTies = ties,
            Alternative = alternative,
            Z = z,
            RankBiserialCorrelation = n == 0 ? double.NaN : ((2 * v) - totalRank) / totalRank,
            EffectSizeR = z / Math.Sqrt(nn),
        };
    }

    private static double ApproximatePValue(double v, double mean, double sigma, Alternative alternative)
    {
        var z = v - mean;
        var correction = alternative switch
        {
            Alternative.TwoSided => Math.Sign(z) * 0.5,
            Alternative.Greater => 0.5,
            _ => -0.5,
        };
        z = (z - correction) / sigma;
        return alternative switch
        {
            Alternative.Less => NormalDistribution.Cdf(z),
            Alternative.Greater => NormalDistribution.Cdf(-z),
            _ => 2 * Math.Min(NormalDistribution.Cdf(z), NormalDistribution.Cdf(-z)),
        };
    }

    /// <summary>The exact p-value from the null distribution of V (each rank positive or negative with probability 1/2).</summary>
    internal static double ExactPValue(double v, int n, Alternative alternative)
    {
        var counts = ExactCounts(n);
        var statistic = (int)v;
        var total = Math.ScaleB(1.0, n);
        double LowerTail(int q) => q < 0 ? 0 : CumulativeCount(counts, 0, Math.Min(q, counts.Length - 1)) / total;
        double UpperTail(int q) => q > counts.Length - 1 ? 0 : CumulativeCount(counts, Math.Max(q, 0), counts.Length - 1) / total;
        switch (alternative)
        {
            case Alternative.Greater:
                return UpperTail(statistic);
            case Alternative.Less:
                return LowerTail(statistic);
            default:
                var p = v > n * (n + 1) / 4.0 ? UpperTail(statistic) : LowerTail(statistic);
                return Math.Min(2 * p, 1);
        }
    }

    private static double CumulativeCount(long[] counts, int from, int to)
    {
        long sum = 0;
        for (var s = from; s <= to; s++)
        {
            sum += counts[s];
        }

        return sum;
    }

    /// <summary>counts[s] = the number of subsets of {1..n} whose sum is s (each below 2^49 for n &lt; 50).</summary>
    internal static long[] ExactCounts(int n)
    {
        var max = n * (n + 1) / 2;
        var counts = new long[max + 1];
        counts[0] = 1;
        var reach = 0;
        for (var rank = 1; rank <= n; rank++)
        {
            reach += rank;
            for (var s = reach; s >= rank; s--)
            {
                counts[s] += counts[s - rank];
            }
        }

        return counts;
    }
}
