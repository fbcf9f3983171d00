namespace CoProduction.Scoring;

public static partial class Agreement
{
    /// <summary>
    /// Fleiss' kappa for N subjects each rated by the same number m of raters into k categories (Fleiss 1971,
    /// "Measuring nominal scale agreement among many raters", Psychological Bulletin 76(5), 378-382).
    /// </summary>
    /// <param name="counts">Subjects x categories; each cell is how many raters put that subject in that category.</param>
    /// <returns>
    /// kappa = (P - Pe) / (1 - Pe) with P the mean per-subject agreement (sum_j n_ij^2 - m) / (m (m - 1)) and
    /// Pe = sum_j p_j^2 over the category proportions p_j. Computed as the exact integer ratio
    /// ((S - T) T - (m - 1) sum_j C_j^2) / ((m - 1)(T^2 - sum_j C_j^2)) with T = N m, S = sum n_ij^2 and C_j the
    /// column totals, rounded once; <see cref="double.NaN"/> when every rating falls in one category (Pe = 1).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="counts"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The table is empty, holds a negative count, its rows have different rater totals, or there are fewer than two
    /// raters per subject.
    /// </exception>
    public static double FleissKappa(int[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return FleissKappa(MatrixSpan.Of(counts), counts.GetLength(1), nameof(counts));
    }

    /// <summary>
    /// Fleiss' kappa for a subjects x categories table stored row-major in a span. Same definition as
    /// <see cref="FleissKappa(int[,])"/>.
    /// </summary>
    /// <param name="counts">Subject rows one after the other, each <paramref name="categories"/> long.</param>
    /// <param name="categories">Number of categories (row length).</param>
    /// <returns>Fleiss' kappa, or <see cref="double.NaN"/> when undefined.</returns>
    /// <exception cref="ArgumentException">Empty, ragged, negative or unequal rater totals.</exception>
    public static double FleissKappa(ReadOnlySpan<int> counts, int categories) => FleissKappa(counts, categories, nameof(counts));

    private static double FleissKappa(ReadOnlySpan<int> counts, int categories, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(categories);
        if (counts.IsEmpty)
        {
            throw new ArgumentException("The count table is empty: at least one subject and one category are needed.", paramName);
        }

        if (counts.Length % categories != 0)
        {
            throw new ArgumentException($"The count table is ragged: {counts.Length} cells do not fill rows of {categories} categories.", paramName);
        }

        var subjects = counts.Length / categories;
        Span<long> columnTotals = categories <= 128 ? stackalloc long[categories] : new long[categories];
        columnTotals.Clear();
        long raters = RowTotal(counts[..categories], 0, paramName);

        // Sum of squared counts: in a long while it cannot overflow (each row adds at most raters^2), else Int128.
        Int128 sumSquares = 0;
        long blockSquares = 0;
        var rowsPerBlock = raters == 0 ? subjects : (int)Math.Min(subjects, Math.Max(1, long.MaxValue / ((double)raters * raters) / 2));
        var inBlock = 0;
        var signs = 0;
        for (var s = 0; s < subjects; s++)
        {
            var row = counts.Slice(s * categories, categories);
            long rowTotal = 0;
            for (var j = 0; j < row.Length; j++)
            {
                long c = row[j];
                signs |= row[j];
                rowTotal += c;
                blockSquares += c * c;
                columnTotals[j] += c;
            }

            if (rowTotal != raters)
            {
                RowTotal(row, s, paramName);
                throw new ArgumentException(
                    $"Every subject must be rated by the same number of raters: subject 0 has {raters} ratings but subject {s} has {rowTotal}.",
                    paramName);
            }

            if (++inBlock == rowsPerBlock)
            {
                sumSquares += blockSquares;
                blockSquares = 0;
                inBlock = 0;
            }
        }

        sumSquares += blockSquares;
        if (signs < 0)
        {
            for (var s = 0; s < subjects; s++)
            {
                RowTotal(counts.Slice(s * categories, categories), s, paramName);
            }
        }

        if (raters < 2)
        {
            throw new ArgumentException($"Fleiss' kappa needs at least two raters per subject; the rows total {raters}.", paramName);
        }

        Int128 total = (Int128)subjects * raters;
        Int128 sumColumnSquares = 0;
        foreach (var c in columnTotals)
        {
            sumColumnSquares += (Int128)c * c;
        }

        // Magnitudes: total^2 * raters must fit comfortably in Int128 (2^127); otherwise fall back to doubles.
        var magnitude = (double)total * (double)total * raters;
        if (magnitude < 1e37)
        {
            var numerator = ((sumSquares - total) * total) - ((raters - 1) * sumColumnSquares);
            var denominator = (raters - 1) * ((total * total) - sumColumnSquares);
            return denominator == 0 ? double.NaN : (double)numerator / (double)denominator;
        }

        var t = (double)total;
        var agreement = ((double)sumSquares - t) / (t * (raters - 1));
        var chance = (double)sumColumnSquares / (t * t);
        return chance >= 1 ? double.NaN : (agreement - chance) / (1 - chance);
    }

    /// <summary>Sums one row, rejecting negative counts.</summary>
    private static long RowTotal(ReadOnlySpan<int> row, int subject, string paramName)
    {
        long total = 0;
        for (var j = 0; j < row.Length; j++)
        {
            if (row[j] < 0)
            {
                throw new ArgumentException($"The count table holds a negative count ({row[j]}) for subject {subject}, category {j}.", paramName);
            }

            total += row[j];
        }

        return total;
    }

    /// <summary>
    /// Cohen's kappa for two raters from their k x k contingency table (Cohen 1960), optionally weighted for ordered
    /// categories (Cohen 1968).
    /// </summary>
    /// <param name="table">Rows are rater A's categories, columns rater B's, cells the number of subjects.</param>
    /// <param name="weighting">Agreement weights: none, linear or quadratic (category order is the index order).</param>
    /// <returns>
    /// kappa = (po - pe) / (1 - pe) with po = sum w_ij p_ij and pe = sum w_ij p_i. p_.j; <see cref="double.NaN"/> when
    /// pe = 1. With quadratic weights this equals the intraclass-style weighted kappa of Fleiss and Cohen (1973).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">The table is empty, not square, holds a negative count or sums to zero.</exception>
    public static double CohenKappa(int[,] table, KappaWeighting weighting = KappaWeighting.None)
    {
        ArgumentNullException.ThrowIfNull(table);
        var k = table.GetLength(0);
        if (k == 0 || table.GetLength(1) == 0)
        {
            throw new ArgumentException("The contingency table is empty.", nameof(table));
        }

        if (table.GetLength(1) != k)
        {
            throw new ArgumentException($"The contingency table must be square, but it is {k} x {table.GetLength(1)}.", nameof(table));
        }

        if (!Enum.IsDefined(weighting))
        {
            throw new ArgumentOutOfRangeException(nameof(weighting), weighting, "Unknown kappa weighting.");
        }

        var rowTotals = new long[k];
        var columnTotals = new long[k];
        long total = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                long c = table[i, j];
                if (c < 0)
                {
                    throw new ArgumentException($"The contingency table holds a negative count ({c}) at row {i}, column {j}.", nameof(table));
                }

                rowTotals[i] += c;
                columnTotals[j] += c;
                total += c;
            }
        }

        if (total == 0)
        {
            throw new ArgumentException("The contingency table holds no subjects (all counts are zero).", nameof(table));
        }

        // Work with integer-valued sums scaled by total^2 where the weights allow it; doubles hold them exactly for
        // realistic tables.
        double observed = 0, chance = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var w = Weight(i, j, k, weighting);
                if (w == 0)
                {
                    continue;
                }

                observed += w * table[i, j];
                chance += w * ((double)rowTotals[i] * columnTotals[j]);
            }
        }

        var t = (double)total;
        var po = observed / t;
        var pe = chance / (t * t);
        return pe == 1 ? double.NaN : (po - pe) / (1 - pe);
    }

    private static double Weight(int i, int j, int k, KappaWeighting weighting)
    {
        if (i == j)
        {
            return 1;
        }

        if (k == 1)
        {
            return 0;
        }

        double distance = Math.Abs(i - j);
        return weighting switch
        {
            KappaWeighting.Linear => 1 - (distance / (k - 1)),
            KappaWeighting.Quadratic => 1 - (distance * distance / ((double)(k - 1) * (k - 1))),
            _ => 0,
        };
    }
}
