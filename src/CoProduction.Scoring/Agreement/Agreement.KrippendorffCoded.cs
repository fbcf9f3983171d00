namespace CoProduction.Scoring;

public static partial class Agreement
{
    /// <summary>Integer data spanning fewer than this many values are coded as 16-bit category indices.</summary>
    private const int MaxCodes = ushort.MaxValue;

    private const int MaxCodedObservers = 64;

    /// <summary>
    /// Krippendorff's alpha for integer ratings with a modest range (rating scales): values become 16-bit codes on the fly
    /// in one or two passes over units with a histogram of the pairable values.
    /// </summary>
    private static double CodedAlpha(UnitLayout layout, MeasurementLevel level, double min, int range)
    {
        var observers = layout.Observers;
        var units = layout.Units;
        var missing = (ushort)range;
        var data = layout.Data;
        {
            // Pass 1: pairable histogram, units per size m, and (nominal) equal pairs per size m.
            var histogram = new long[range + 1];
            var unitsBySize = new long[observers + 1];
            var equalPairsBySize = new long[observers + 1];
            Span<ushort> unit = stackalloc ushort[observers];
            var nominal = level == MeasurementLevel.Nominal;
            for (var u = 0; u < units; u++)
            {
                var m = GatherCodes(data, units, u, min, missing, unit);
                if (m < 2)
                {
                    continue;
                }

                unitsBySize[m]++;
                long equal = 0;
                for (var i = 0; i < m; i++)
                {
                    var c = unit[i];
                    histogram[c]++;
                    if (nominal)
                    {
                        for (var j = 0; j < i; j++)
                        {
                            equal += c == unit[j] ? 1 : 0;
                        }
                    }
                }

                equalPairsBySize[m] += equal;
            }

            long n = 0;
            for (var c = 0; c < range; c++)
            {
                n += histogram[c];
            }

            if (n < 2)
            {
                return double.NaN;
            }

            var within = new double[observers + 1];
            if (nominal)
            {
                double sumSquares = 0;
                for (var c = 0; c < range; c++)
                {
                    sumSquares += (double)histogram[c] * histogram[c];
                }

                for (var m = 2; m <= observers; m++)
                {
                    within[m] = (unitsBySize[m] * (double)m * (m - 1)) - (2.0 * equalPairsBySize[m]);
                }

                return Combine(within, n, ((double)n * n) - sumSquares);
            }

            // Position of each code on the level's scale: mid-ranks (ordinal), the code itself (interval: a shift
            // does not change differences) or the value (ratio).
            var position = new double[range];
            double below = 0;
            for (var c = 0; c < range; c++)
            {
                position[c] = level switch
                {
                    MeasurementLevel.Ordinal => below + (histogram[c] / 2.0),
                    MeasurementLevel.Interval => c,
                    _ => min + c,
                };
                below += histogram[c];
            }

            // Pass 2: within-unit disagreement.
            var ratio = level == MeasurementLevel.Ratio;
            Span<double> positions = stackalloc double[observers];
            for (var u = 0; u < units; u++)
            {
                var m = GatherCodes(data, units, u, min, missing, unit);
                if (m < 2)
                {
                    continue;
                }

                for (var i = 0; i < m; i++)
                {
                    positions[i] = position[unit[i]];
                }

                within[m] += ratio ? 2 * RatioPairSum(positions[..m]) : SquaredDifferencePairSum(positions[..m]);
            }

            return Combine(within, n, ExpectedFromHistogram(histogram.AsSpan(0, range), position, n, ratio));
        }
    }

    /// <summary>Copies a unit's present codes to the front of <paramref name="unit"/> without branching on missing values.</summary>
    private static int GatherCodes(ReadOnlySpan<double> data, int units, int u, double min, ushort missing, Span<ushort> unit)
    {
        var m = 0;
        for (int o = 0, index = u; o < unit.Length; o++, index += units)
        {
            var v = data[index];
            var present = !double.IsNaN(v);
            unit[m] = present ? (ushort)(v - min) : missing;
            m += present ? 1 : 0;
        }

        return m;
    }

    private static double RatioPairSum(ReadOnlySpan<double> values)
    {
        double s = 0;
        for (var i = 1; i < values.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                s += RatioDifference(values[i], values[j]);
            }
        }

        return s;
    }

    /// <summary>Sum over ordered pairs of pairable values of delta^2, from the histogram of codes.</summary>
    private static double ExpectedFromHistogram(ReadOnlySpan<long> histogram, double[] position, long n, bool ratio)
    {
        if (!ratio)
        {
            double sum = 0;
            for (var c = 0; c < histogram.Length; c++)
            {
                sum += histogram[c] * position[c];
            }

            var mean = sum / n;
            double squares = 0;
            for (var c = 0; c < histogram.Length; c++)
            {
                var d = position[c] - mean;
                squares += histogram[c] * d * d;
            }

            return 2.0 * n * squares;
        }

        var present = new List<int>();
        for (var c = 0; c < histogram.Length; c++)
        {
            if (histogram[c] > 0)
            {
                present.Add(c);
            }
        }

        var values = new double[present.Count];
        var counts = new double[present.Count];
        for (var i = 0; i < present.Count; i++)
        {
            values[i] = position[present[i]];
            counts[i] = histogram[present[i]];
        }

        return 2 * RatioExpectedPairSum(values, counts);
    }
}
