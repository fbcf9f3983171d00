using CoProduction.Scoring;

namespace CoProduction.Benchmarks;

/// <summary>
/// Naive baselines: the straightforward implementations a careful analyst would write first (textbook formulas,
/// collections, comparison sorts), so that benchmark results read as speed-up ratios.
/// </summary>
public static class Naive
{
    /// <summary>Krippendorff's alpha via a coincidence dictionary, the full values x values matrix and an explicit delta matrix.</summary>
    public static double KrippendorffCoincidence(double[,] data, MeasurementLevel level)
    {
        var observers = data.GetLength(0);
        var units = data.GetLength(1);
        var index = new Dictionary<double, int>();
        var unitValues = new List<double>();
        var pairs = new Dictionary<(int C, int K), double>();
        for (var u = 0; u < units; u++)
        {
            unitValues.Clear();
            for (var o = 0; o < observers; o++)
            {
                if (!double.IsNaN(data[o, u]))
                {
                    unitValues.Add(data[o, u]);
                }
            }

            if (unitValues.Count < 2)
            {
                continue;
            }

            foreach (var v in unitValues)
            {
                index.TryAdd(v, index.Count);
            }

            var weight = 1.0 / (unitValues.Count - 1);
            for (var i = 0; i < unitValues.Count; i++)
            {
                for (var j = 0; j < unitValues.Count; j++)
                {
                    if (i != j)
                    {
                        var key = (index[unitValues[i]], index[unitValues[j]]);
                        pairs[key] = pairs.GetValueOrDefault(key) + weight;
                    }
                }
            }
        }

        var values = index.OrderBy(p => p.Key).Select(p => p.Key).ToArray();
        var position = values.Select((v, i) => (v, i)).ToDictionary(p => index[p.v], p => p.i);
        var size = values.Length;
        var coincidence = new double[size, size];
        foreach (var ((c, k), w) in pairs)
        {
            coincidence[position[c], position[k]] += w;
        }

        var marginals = new double[size];
        for (var c = 0; c < size; c++)
        {
            for (var k = 0; k < size; k++)
            {
                marginals[c] += coincidence[c, k];
            }
        }

        var n = marginals.Sum();
        double observed = 0, expected = 0;
        for (var c = 0; c < size; c++)
        {
            for (var k = 0; k < size; k++)
            {
                double delta;
                if (level == MeasurementLevel.Nominal)
                {
                    delta = c == k ? 0 : 1;
                }
                else if (level == MeasurementLevel.Ordinal)
                {
                    double sum = 0;
                    for (var g = Math.Min(c, k); g <= Math.Max(c, k); g++)
                    {
                        sum += marginals[g];
                    }

                    sum -= (marginals[c] + marginals[k]) / 2;
                    delta = sum * sum;
                }
                else
                {
                    delta = (values[c] - values[k]) * (values[c] - values[k]);
                }

                observed += coincidence[c, k] * delta;
                expected += marginals[c] * marginals[k] * delta;
            }
        }

        return 1 - ((n - 1) * observed / expected);
    }

    /// <summary>Interval alpha unit by unit with LINQ and per-unit lists (closed form, but allocation-heavy).</summary>
    public static double KrippendorffIntervalLinq(double[,] data)
    {
        var observers = data.GetLength(0);
        var units = Enumerable.Range(0, data.GetLength(1))
            .Select(u => Enumerable.Range(0, observers).Select(o => data[o, u]).Where(v => !double.IsNaN(v)).ToList())
            .Where(values => values.Count >= 2)
            .ToList();
        var all = units.SelectMany(v => v).ToList();
        var n = (double)all.Count;
        var mean = all.Average();
        var expected = 2 * n * all.Sum(v => (v - mean) * (v - mean));
        var observed = units.Sum(values =>
        {
            var m = values.Count;
            var unitMean = values.Average();
            return 2 * m * values.Sum(v => (v - unitMean) * (v - unitMean)) / (m - 1);
        });
        return 1 - ((n - 1) * observed / expected);
    }

    /// <summary>Ratio alpha over every pair of pairable values with no value-by-value table (O(n^2) time, O(n) memory).</summary>
    public static double KrippendorffRatioAllPairs(double[,] data)
    {
        var observers = data.GetLength(0);
        var pairable = new List<double>();
        double observed = 0;
        for (var u = 0; u < data.GetLength(1); u++)
        {
            var values = Enumerable.Range(0, observers).Select(o => data[o, u]).Where(v => !double.IsNaN(v)).ToList();
            if (values.Count < 2)
            {
                continue;
            }

            pairable.AddRange(values);
            for (var i = 0; i < values.Count; i++)
            {
                for (var j = 0; j < values.Count; j++)
                {
                    var q = (values[i] - values[j]) / (values[i] + values[j]);
                    observed += q * q / (values.Count - 1);
                }
            }
        }

        double expected = 0;
        for (var i = 0; i < pairable.Count; i++)
        {
            for (var j = 0; j < pairable.Count; j++)
            {
                var q = (pairable[i] - pairable[j]) / (pairable[i] + pairable[j]);
                expected += q * q;
            }
        }

        return 1 - ((pairable.Count - 1) * observed / expected);
    }

    /// <summary>Fleiss' kappa by the textbook steps in doubles (P_i, P-bar, p_j, P_e).</summary>
    public static double Fleiss(int[,] counts)
    {
        var subjects = counts.GetLength(0);
        var categories = counts.GetLength(1);
        double raters = 0;
        for (var j = 0; j < categories; j++)
        {
            raters += counts[0, j];
        }

        var perSubject = new double[subjects];
        var proportions = new double[categories];
        for (var i = 0; i < subjects; i++)
        {
            double squares = 0;
            for (var j = 0; j < categories; j++)
            {
                squares += counts[i, j] * (double)counts[i, j];
                proportions[j] += counts[i, j];
            }

            perSubject[i] = (squares - raters) / (raters * (raters - 1));
        }

        var chance = proportions.Select(p => p / (subjects * raters)).Sum(p => p * p);
        return (perSubject.Average() - chance) / (1 - chance);
    }

    /// <summary>Wilcoxon with a comparison sort of |d| and a mid-rank pass (normal approximation).</summary>
    public static double Wilcoxon(double[] x, double[] y)
    {
        var differences = x.Zip(y, (a, b) => a - b).Where(d => d != 0).ToArray();
        var magnitudes = differences.Select(Math.Abs).ToArray();
        Array.Sort(magnitudes, differences);
        var n = differences.Length;
        double v = 0, ties = 0;
        for (var start = 0; start < n;)
        {
            var end = start;
            while (end < n && magnitudes[end] == magnitudes[start])
            {
                end++;
            }

            var rank = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                if (differences[k] > 0)
                {
                    v += rank;
                }
            }

            double t = end - start;
            ties += (t * t * t) - t;
            start = end;
        }

        var sigma = Math.Sqrt((n * (n + 1.0) * ((2.0 * n) + 1) / 24) - (ties / 48));
        var z = v - (n * (n + 1.0) / 4);
        return (z - (Math.Sign(z) * 0.5)) / sigma;
    }

    /// <summary>XmR rules checked window by window for every point (O(n x run length)), with per-rule arrays.</summary>
    public static int XmR(double[] y)
    {
        var n = y.Length;
        var mean = y.Average();
        var ranges = Enumerable.Range(1, n - 1).Select(i => Math.Abs(y[i] - y[i - 1])).ToList();
        var meanRange = ranges.Average();
        meanRange = ranges.Where(r => r < 3.267 * meanRange).Average();
        var upper = mean + (2.66 * meanRange);
        var lower = mean - (2.66 * meanRange);
        var nearUpper = mean + (2 * 2.66 / 3 * meanRange);
        var nearLower = mean - (2 * 2.66 / 3 * meanRange);
        var side = y.Select(v => Math.Sign(v - mean)).ToArray();
        var outside = y.Select(v => v > upper || v < lower).ToArray();
        var close = y.Select((v, i) => !outside[i] && (v > nearUpper || v < nearLower)).ToArray();
        var trendEnd = new bool[n];
        var shiftEnd = new bool[n];
        for (var i = 6; i < n; i++)
        {
            bool up = true, down = true, same = side[i] != 0;
            for (var k = i - 5; k <= i; k++)
            {
                up &= y[k] > y[k - 1];
                down &= y[k] < y[k - 1];
            }

            for (var k = i - 6; k < i; k++)
            {
                same &= side[k] == side[i];
            }

            trendEnd[i] = up || down;
            shiftEnd[i] = same;
        }

        var special = 0;
        for (var i = 0; i < n; i++)
        {
            var trend = false;
            var shift = false;
            for (var k = i; k < Math.Min(n, i + 7); k++)
            {
                trend |= trendEnd[k];
                shift |= shiftEnd[k];
            }

            var twoInThree = false;
            for (var s = i - 2; s <= i; s++)
            {
                if (s >= 0 && s + 2 < n)
                {
                    var c = (close[s] ? 1 : 0) + (close[s + 1] ? 1 : 0) + (close[s + 2] ? 1 : 0);
                    twoInThree |= close[i] && c >= 2 && Math.Abs(side[s] + side[s + 1] + side[s + 2]) == 3;
                }
            }

            special += outside[i] || trend || twoInThree || shift ? 1 : 0;
        }

        return special;
    }

    /// <summary>Weighted scoring assessment by assessment with branches and per-assessment arrays.</summary>
    public static void WeightedScores(int[] standardOf, double[] weights, double[] standardWeights, double[] ratings, double[] overall)
    {
        var indicators = weights.Length;
        for (var a = 0; a < overall.Length; a++)
        {
            var sums = new double[standardWeights.Length];
            var totals = new double[standardWeights.Length];
            for (var i = 0; i < indicators; i++)
            {
                var r = ratings[(a * indicators) + i];
                if (!double.IsNaN(r))
                {
                    sums[standardOf[i]] += weights[i] * r;
                    totals[standardOf[i]] += weights[i];
                }
            }

            double total = 0, weight = 0;
            for (var s = 0; s < sums.Length; s++)
            {
                if (totals[s] > 0)
                {
                    total += standardWeights[s] * sums[s] / totals[s];
                    weight += standardWeights[s];
                }
            }

            overall[a] = weight > 0 ? total / weight : double.NaN;
        }
    }

    /// <summary>
    /// The same min-cost flow by successive shortest paths found with Bellman-Ford (queue-based, no potentials),
    /// the textbook method for graphs with negative costs: the test project's independent reference, compiled in
    /// here (see the csproj) so that the baseline and the reference are one piece of code.
    /// </summary>
    public static double AssignmentBellmanFord(AssignmentProblem problem) => CoProduction.Scoring.Tests.ReferenceAssignment.BellmanFordOptimum(problem);
}
