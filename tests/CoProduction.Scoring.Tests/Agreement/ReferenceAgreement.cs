namespace CoProduction.Scoring.Tests;

/// <summary>
/// Slow, literal implementations straight from the textbook definitions, written independently of the library code
/// (coincidence matrices and explicit difference functions), for property tests.
/// </summary>
internal static class ReferenceAgreement
{
    /// <summary>Krippendorff (2011): coincidence matrix o_ck, marginals n_c, explicit delta^2 per level.</summary>
    public static double KrippendorffAlpha(double[,] data, MeasurementLevel level)
    {
        var observers = data.GetLength(0);
        var units = data.GetLength(1);
        var unitValues = new List<List<double>>();
        for (var u = 0; u < units; u++)
        {
            var values = new List<double>();
            for (var o = 0; o < observers; o++)
            {
                if (!double.IsNaN(data[o, u]))
                {
                    values.Add(data[o, u]);
                }
            }

            if (values.Count >= 2)
            {
                unitValues.Add(values);
            }
        }

        var categories = unitValues.SelectMany(v => v).Distinct().Order().ToList();
        var index = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var v = categories.Count;
        var coincidences = new double[v, v];
        foreach (var values in unitValues)
        {
            var m = values.Count;
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < m; j++)
                {
                    if (i != j)
                    {
                        coincidences[index[values[i]], index[values[j]]] += 1.0 / (m - 1);
                    }
                }
            }
        }

        var marginals = new double[v];
        double n = 0;
        for (var c = 0; c < v; c++)
        {
            for (var k = 0; k < v; k++)
            {
                marginals[c] += coincidences[c, k];
            }

            n += marginals[c];
        }

        double observed = 0, expected = 0;
        for (var c = 0; c < v; c++)
        {
            for (var k = 0; k < v; k++)
            {
                var delta = Difference(level, categories, marginals, c, k);
                observed += coincidences[c, k] * delta;
                expected += marginals[c] * marginals[k] * delta;
            }
        }

        return n < 2 || expected == 0 ? double.NaN : 1 - ((n - 1) * observed / expected);
    }

    private static double Difference(MeasurementLevel level, List<double> categories, double[] marginals, int c, int k)
    {
        switch (level)
        {
            case MeasurementLevel.Nominal:
                return c == k ? 0 : 1;
            case MeasurementLevel.Ordinal:
                var low = Math.Min(c, k);
                var high = Math.Max(c, k);
                double sum = 0;
                for (var g = low; g <= high; g++)
                {
                    sum += marginals[g];
                }

                sum -= (marginals[c] + marginals[k]) / 2;
                return sum * sum;
            case MeasurementLevel.Interval:
                return (categories[c] - categories[k]) * (categories[c] - categories[k]);
            default:
                var q = (categories[c] - categories[k]) / (categories[c] + categories[k]);
                return q * q;
        }
    }

    /// <summary>Fleiss (1971) in the textbook form, with doubles: P_i, P-bar, p_j, P_e.</summary>
    public static double FleissKappa(int[,] counts)
    {
        var subjects = counts.GetLength(0);
        var categories = counts.GetLength(1);
        double raters = 0;
        for (var j = 0; j < categories; j++)
        {
            raters += counts[0, j];
        }

        double meanAgreement = 0;
        var proportions = new double[categories];
        for (var i = 0; i < subjects; i++)
        {
            double squares = 0;
            for (var j = 0; j < categories; j++)
            {
                squares += (double)counts[i, j] * counts[i, j];
                proportions[j] += counts[i, j] / (subjects * raters);
            }

            meanAgreement += (squares - raters) / (raters * (raters - 1)) / subjects;
        }

        var chance = proportions.Sum(p => p * p);
        return (meanAgreement - chance) / (1 - chance);
    }

    /// <summary>Cohen (1968) weighted kappa in its disagreement-weight form: 1 - sum v_ij p_ij / sum v_ij p_i. p_.j.</summary>
    public static double CohenKappa(int[,] table, KappaWeighting weighting)
    {
        var k = table.GetLength(0);
        double total = 0;
        var rows = new double[k];
        var columns = new double[k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                total += table[i, j];
                rows[i] += table[i, j];
                columns[j] += table[i, j];
            }
        }

        double observed = 0, expected = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                double disagreement = weighting switch
                {
                    KappaWeighting.None => i == j ? 0 : 1,
                    KappaWeighting.Linear => Math.Abs(i - j) / (double)(k - 1),
                    _ => (i - j) * (i - j) / (double)((k - 1) * (k - 1)),
                };
                observed += disagreement * table[i, j] / total;
                expected += disagreement * rows[i] * columns[j] / (total * total);
            }
        }

        return 1 - (observed / expected);
    }
}
