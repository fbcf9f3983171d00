namespace CoProduction.Scoring;

public static partial class Agreement
{
    /// <summary>
    /// Cohen's (weighted) kappa with the large-sample standard errors of Fleiss, Cohen and Everitt (1969), "Large sample
    /// standard errors of kappa and weighted kappa", Psychological Bulletin 72(5), 323-327.
    /// </summary>
    /// <param name="table">Rows are rater A's categories, columns rater B's, cells the number of subjects.</param>
    /// <param name="weighting">Agreement weights: none, linear or quadratic.</param>
    /// <returns>
    /// The kappa of <see cref="CohenKappa"/>, and with agreement weights w_ij, cell proportions p_ij, margins p_i. and
    /// p_.j, w_i = sum_j p_.j w_ij and w_j = sum_i p_i. w_ij: Var = [sum p_ij (w_ij - (w_i + w_j)(1 - kappa))^2 -
    /// (kappa - pe (1 - kappa))^2] / (n (1 - pe)^2), and under the null Var0 = [sum p_i. p_.j (w_ij - (w_i + w_j))^2 -
    /// pe^2] / (n (1 - pe)^2). Standard errors are NaN where kappa is.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">The table is empty, not square, holds a negative count or sums to zero.</exception>
    public static KappaEstimate CohenKappaEstimate(int[,] table, KappaWeighting weighting = KappaWeighting.None)
    {
        var kappa = CohenKappa(table, weighting);
        var k = table.GetLength(0);
        var rows = new double[k];
        var columns = new double[k];
        double n = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                rows[i] += table[i, j];
                columns[j] += table[i, j];
                n += table[i, j];
            }
        }

        for (var i = 0; i < k; i++)
        {
            rows[i] /= n;
            columns[i] /= n;
        }

        var rowWeights = new double[k];
        var columnWeights = new double[k];
        double pe = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var w = Weight(i, j, k, weighting);
                rowWeights[i] += columns[j] * w;
                columnWeights[j] += rows[i] * w;
                pe += w * rows[i] * columns[j];
            }
        }

        double observedSpread = 0, nullSpread = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var w = Weight(i, j, k, weighting);
                var d = w - ((rowWeights[i] + columnWeights[j]) * (1 - kappa));
                observedSpread += table[i, j] / n * d * d;
                var d0 = w - (rowWeights[i] + columnWeights[j]);
                nullSpread += rows[i] * columns[j] * d0 * d0;
            }
        }

        var scale = n * (1 - pe) * (1 - pe);
        var centre = kappa - (pe * (1 - kappa));
        return new KappaEstimate
        {
            Kappa = kappa,
            StandardError = double.IsNaN(kappa) ? double.NaN : Math.Sqrt(Math.Max(0, observedSpread - (centre * centre)) / scale),
            StandardErrorUnderNull = double.IsNaN(kappa) ? double.NaN : Math.Sqrt(Math.Max(0, nullSpread - (pe * pe)) / scale),
        };
    }

    /// <summary>
    /// Fleiss' kappa with its standard error under the null hypothesis of no agreement beyond chance (Fleiss, Nee and
    /// Landis 1979, "Large sample variance of kappa in the case of different sets of raters", Psychological Bulletin
    /// 86(5), 974-977), as R's <c>irr::kappam.fleiss</c> reports it for its z test.
    /// </summary>
    /// <param name="counts">Subjects x categories; each cell is how many raters put that subject in that category.</param>
    /// <returns>
    /// The kappa of <see cref="FleissKappa(int[,])"/> and, with category shares p_j and q_j = 1 - p_j over N subjects
    /// and m raters, SE0 = sqrt(2) / (sum p_j q_j sqrt(N m (m - 1))) x sqrt((sum p_j q_j)^2 - sum p_j q_j (q_j - p_j)).
    /// <see cref="KappaEstimate.StandardError"/> is NaN: for an interval use <see cref="FleissKappaBootstrap"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="counts"/> is null.</exception>
    /// <exception cref="ArgumentException">As <see cref="FleissKappa(int[,])"/>.</exception>
    public static KappaEstimate FleissKappaEstimate(int[,] counts)
    {
        var kappa = FleissKappa(counts);
        var subjects = counts.GetLength(0);
        var categories = counts.GetLength(1);
        double raters = 0;
        for (var j = 0; j < categories; j++)
        {
            raters += counts[0, j];
        }

        double spread = 0, skew = 0;
        for (var j = 0; j < categories; j++)
        {
            double total = 0;
            for (var s = 0; s < subjects; s++)
            {
                total += counts[s, j];
            }

            var p = total / (subjects * raters);
            var pq = p * (1 - p);
            spread += pq;
            skew += pq * (1 - p - p);
        }

        var se0 = Math.Sqrt(2) / (spread * Math.Sqrt(subjects * raters * (raters - 1))) * Math.Sqrt(Math.Max(0, (spread * spread) - skew));
        return new KappaEstimate
        {
            Kappa = kappa,
            StandardError = double.NaN,
            StandardErrorUnderNull = double.IsNaN(kappa) ? double.NaN : se0,
        };
    }

    /// <summary>
    /// A percentile bootstrap interval for Fleiss' kappa: subjects are resampled with replacement
    /// <paramref name="replicates"/> times from a fixed seed, so the same data and seed give the same interval.
    /// </summary>
    /// <param name="counts">Subjects x categories, as for <see cref="FleissKappa(int[,])"/>.</param>
    /// <param name="confidence">The confidence level, strictly between 0 and 1.</param>
    /// <param name="replicates">How many resamples (at least 100; 2,000 is usual for a 95% interval).</param>
    /// <param name="seed">The seed of the resampling (<see cref="Random(int)"/>).</param>
    /// <returns>
    /// The kappa of the data and the (1 - confidence) / 2 and (1 + confidence) / 2 quantiles of the replicates'
    /// kappas (linear interpolation between order statistics); replicates whose kappa is undefined (every rating in
    /// one category) are left out, and the bounds are NaN when fewer than half remain.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="counts"/> is null.</exception>
    /// <exception cref="ArgumentException">As <see cref="FleissKappa(int[,])"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="confidence"/> is not strictly between 0 and 1, or <paramref name="replicates"/> is below 100.
    /// </exception>
    public static ConfidenceInterval FleissKappaBootstrap(int[,] counts, double confidence = 0.95, int replicates = 2000, int seed = 1)
    {
        var kappa = FleissKappa(counts);
        CheckConfidence(confidence);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 100);
        var subjects = counts.GetLength(0);
        var categories = counts.GetLength(1);
        double raters = 0;
        for (var j = 0; j < categories; j++)
        {
            raters += counts[0, j];
        }

        var squares = new double[subjects];
        for (var s = 0; s < subjects; s++)
        {
            for (var j = 0; j < categories; j++)
            {
                squares[s] += (double)counts[s, j] * counts[s, j];
            }
        }

        var random = new Random(seed);
        var columns = new double[categories];
        var kappas = new List<double>(replicates);
        var total = subjects * raters;
        for (var b = 0; b < replicates; b++)
        {
            Array.Clear(columns);
            double sumSquares = 0;
            for (var draw = 0; draw < subjects; draw++)
            {
                var s = random.Next(subjects);
                sumSquares += squares[s];
                for (var j = 0; j < categories; j++)
                {
                    columns[j] += counts[s, j];
                }
            }

            double chance = 0;
            foreach (var c in columns)
            {
                chance += c / total * (c / total);
            }

            if (chance >= 1)
            {
                continue;
            }

            var agreement = (sumSquares - total) / (total * (raters - 1));
            kappas.Add((agreement - chance) / (1 - chance));
        }

        if (kappas.Count * 2 < replicates)
        {
            return new ConfidenceInterval(kappa, double.NaN, double.NaN, confidence);
        }

        kappas.Sort();
        return new ConfidenceInterval(kappa, SortedQuantile(kappas, (1 - confidence) / 2), SortedQuantile(kappas, (1 + confidence) / 2), confidence);
    }

    internal static void CheckConfidence(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must be strictly between 0 and 1, for example 0.95.");
        }
    }

    /// <summary>The q quantile of sorted values, interpolating between order statistics (R's type 7).</summary>
    private static double SortedQuantile(List<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
