namespace CoProduction.Scoring;

public static partial class Agreement
{
    /// <summary>
    /// The six Shrout and Fleiss (1979) intraclass correlations from a complete targets x judges table.
    /// </summary>
    /// <param name="ratings">Rows are targets, columns judges; every cell must hold a finite rating (no missing values).</param>
    /// <returns>The mean squares of the two-way ANOVA and the six ICC forms.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ratings"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// Fewer than two targets or two judges, or a NaN or infinite rating (ICC has no missing-value rule).
    /// </exception>
    public static IntraclassCorrelation Icc(double[,] ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var n = ratings.GetLength(0);
        var k = ratings.GetLength(1);
        if (n < 2 || k < 2)
        {
            throw new ArgumentException($"The ICC needs at least two targets and two judges, but the table is {n} x {k}.", nameof(ratings));
        }

        var data = MatrixSpan.Of(ratings);
        double sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            if (!double.IsFinite(data[i]))
            {
                throw new ArgumentException(
                    $"The ratings hold a missing or infinite value at target {i / k}, judge {i % k}; the ICC needs a complete table.",
                    nameof(ratings));
            }

            sum += data[i];
        }

        var grand = sum / data.Length;
        var columnSums = new double[k];
        double total = 0, rows = 0;
        for (var t = 0; t < n; t++)
        {
            var row = data.Slice(t * k, k);
            double rowSum = 0;
            for (var j = 0; j < k; j++)
            {
                var d = row[j] - grand;
                total += d * d;
                rowSum += d;
                columnSums[j] += d;
            }

            rows += rowSum * rowSum / k;
        }

        double columns = 0;
        foreach (var c in columnSums)
        {
            columns += c * c / n;
        }

        var residual = Math.Max(0, total - rows - columns);
        return new IntraclassCorrelation
        {
            Targets = n,
            Judges = k,
            BetweenTargetsMeanSquare = rows / (n - 1),
            WithinTargetsMeanSquare = Math.Max(0, total - rows) / (n * (k - 1.0)),
            BetweenJudgesMeanSquare = columns / (k - 1),
            ResidualMeanSquare = residual / ((n - 1.0) * (k - 1)),
        };
    }
}
