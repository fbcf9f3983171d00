using System.Buffers;
using System.Numerics;

namespace CoProduction.Scoring;

/// <summary>
/// Inter-rater agreement statistics: Krippendorff's alpha, Fleiss' kappa, Cohen's (weighted) kappa and the
/// Shrout and Fleiss intraclass correlations.
/// </summary>
public static partial class Agreement
{

    /// <summary>
    /// Krippendorff's alpha for a reliability data matrix whose rows are observers and whose columns are units.
    /// </summary>
    /// <param name="reliabilityData">Observers x units; <see cref="double.NaN"/> marks a missing value.</param>
    /// <param name="level">The level of measurement, which chooses the difference function.</param>
    /// <returns>
    /// Alpha = 1 - D_o / D_e, or <see cref="double.NaN"/> when no unit has two values or all pairable values are
    /// equal (alpha is then undefined).
    /// </returns>
    /// <remarks>
    /// <para>
    /// Definitions follow Krippendorff (2011), "Computing Krippendorff's alpha-reliability": only units with at least
    /// two values (pairable values, n in total) take part; each unit u with m_u values contributes its m_u (m_u - 1)
    /// ordered pairs with weight 1 / (m_u - 1), so D_o = (1/n) sum_u sum_(i != j in u) delta^2 / (m_u - 1) and
    /// D_e = sum_(i != j over all pairable values) delta^2 / (n (n - 1)).
    /// </para>
    /// <para>
    /// Difference functions: nominal 0 or 1; ordinal (sum of n_g for g from c to k minus (n_c + n_k) / 2)^2, which
    /// equals the squared difference of the values' mid-ranks among the pairable values, so it is computed as an
    /// interval difference on mid-ranks; interval (c - k)^2; ratio ((c - k) / (c + k))^2, for positive values only.
    /// </para>
    /// <para>
    /// Cost: rating scales (integers spanning a small range) are counted in one pass over the units as unit
    /// contents (multisets), at any level. Otherwise nominal, ordinal and interval take O(n) (plus one sort for
    /// nominal and ordinal) and never build a values x values table. The ratio expected disagreement is summed pair
    /// by pair over distinct values up to 8,192 of them; above that it is evaluated from the separable identity
    /// 1 / (a + b)^2 = integral of t e^(-t (a + b)) dt by geometrically convergent quadrature in O(V) per node and
    /// O(V) memory, agreeing with the pairwise sum to better than 1e-12 relative (property-tested).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="reliabilityData"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The matrix is empty, holds an infinite value, or (ratio level) a value that is not positive.
    /// </exception>
    public static double KrippendorffAlpha(double[,] reliabilityData, MeasurementLevel level)
    {
        ArgumentNullException.ThrowIfNull(reliabilityData);
        return KrippendorffAlpha(MatrixSpan.Of(reliabilityData), reliabilityData.GetLength(0), level, nameof(reliabilityData));
    }

    /// <summary>
    /// Krippendorff's alpha for reliability data stored row-major in a span: <paramref name="observers"/> rows of
    /// units, each row as long as the number of units. Same definitions as <see cref="KrippendorffAlpha(double[,], MeasurementLevel)"/>.
    /// </summary>
    /// <param name="reliabilityData">Observer rows one after the other; <see cref="double.NaN"/> marks a missing value.</param>
    /// <param name="observers">Number of observer rows; the span length must be a positive multiple of it.</param>
    /// <param name="level">The level of measurement.</param>
    /// <returns>Alpha, or <see cref="double.NaN"/> when undefined.</returns>
    /// <exception cref="ArgumentException">The data are empty, ragged, infinite, or not positive at ratio level.</exception>
    public static double KrippendorffAlpha(ReadOnlySpan<double> reliabilityData, int observers, MeasurementLevel level) =>
        KrippendorffAlpha(reliabilityData, observers, level, nameof(reliabilityData));

    private static double KrippendorffAlpha(ReadOnlySpan<double> data, int observers, MeasurementLevel level, string paramName)
    {
        if (data.IsEmpty)
        {
            throw new ArgumentException("The reliability data are empty: at least one observer and one unit are needed.", paramName);
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(observers);

        if (data.Length % observers != 0)
        {
            throw new ArgumentException($"The reliability data are ragged: {data.Length} values do not fill {observers} observer rows.", paramName);
        }

        if (!Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown measurement level.");
        }

        var layout = new UnitLayout(data, observers, data.Length / observers);
        var values = ScanValues(data, level, paramName);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        if (values.Integers && values.Max - values.Min < MaxCodes && observers <= MaxCodedObservers)
        {
            var range = (int)(values.Max - values.Min) + 1;
            return FitsMultisetKeys(observers, range)
                ? MultisetAlpha(layout, level, values.Min, range)
                : CodedAlpha(layout, level, values.Min, range);
        }

        var scan = ScanUnits(layout);
        if (scan.PairableCount < 2)
        {
            return double.NaN;
        }

        return level switch
        {
            MeasurementLevel.Nominal => NominalAlpha(layout, scan),
            MeasurementLevel.Ordinal => OrdinalAlpha(layout, scan),
            MeasurementLevel.Interval => IntervalAlpha(layout, scan),
            _ => RatioAlpha(layout, scan),
        };
    }

    private readonly ref struct UnitLayout(ReadOnlySpan<double> data, int observers, int units)
    {
        public readonly ReadOnlySpan<double> Data = data;
        public readonly int Observers = observers;
        public readonly int Units = units;

        /// <summary>Copies the non-missing values of a unit into <paramref name="buffer"/> and returns how many there are.</summary>
        public int Gather(int unit, Span<double> buffer)
        {
            var m = 0;
            for (var o = 0; o < Observers; o++)
            {
                var v = Data[(o * Units) + unit];
                if (!double.IsNaN(v))
                {
                    buffer[m++] = v;
                }
            }

            return m;
        }
    }

    private readonly record struct ValueScan(long Count, double Min, double Max, bool Integers);

    private readonly record struct ScanResult(long PairableCount, double PairableSum);

    /// <summary>One sequential pass: validates every value and finds the range and whether all are integers.</summary>
    private static ValueScan ScanValues(ReadOnlySpan<double> data, MeasurementLevel level, string paramName)
    {
        var width = Vector<double>.Count;
        var minimum = new Vector<double>(double.PositiveInfinity);
        var maximum = new Vector<double>(double.NegativeInfinity);
        var present = Vector<long>.Zero;
        var integers = Vector<long>.AllBitsSet;
        var invalid = Vector<long>.Zero;
        var infinity = new Vector<double>(double.PositiveInfinity);
        var ratio = level == MeasurementLevel.Ratio;
        var i = 0;
        for (; i <= data.Length - width; i += width)
        {
            var v = new Vector<double>(data[i..]);
            var isValue = Vector.Equals(v, v);
            minimum = Vector.Min(minimum, Vector.ConditionalSelect(isValue, v, infinity));
            maximum = Vector.Max(maximum, Vector.ConditionalSelect(isValue, v, -infinity));
            present -= isValue;
            integers &= Vector.Equals(Vector.Floor(v), v) | ~isValue;
            invalid |= Vector.Equals(Vector.Abs(v), infinity);
            if (ratio)
            {
                invalid |= Vector.LessThanOrEqual(v, Vector<double>.Zero);
            }
        }

        long count = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        var allIntegers = true;
        var anyInvalid = false;
        for (var lane = 0; lane < width; lane++)
        {
            count += present[lane];
            min = Math.Min(min, minimum[lane]);
            max = Math.Max(max, maximum[lane]);
            allIntegers &= integers[lane] != 0;
            anyInvalid |= invalid[lane] != 0;
        }

        for (; i < data.Length; i++)
        {
            var v = data[i];
            if (double.IsNaN(v))
            {
                continue;
            }

            anyInvalid |= double.IsInfinity(v) || (ratio && v <= 0);
            count++;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            allIntegers &= v == Math.Floor(v);
        }

        if (anyInvalid)
        {
            ThrowInvalidValue(data, ratio, paramName);
        }

        return new ValueScan(count, min, max, allIntegers);
    }

    private static void ThrowInvalidValue(ReadOnlySpan<double> data, bool ratio, string paramName)
    {
        foreach (var v in data)
        {
            if (double.IsInfinity(v))
            {
                throw new ArgumentException("The reliability data hold an infinite value; use NaN for a missing value.", paramName);
            }

            if (ratio && v <= 0)
            {
                throw new ArgumentException($"Ratio-level alpha needs positive values, but the data hold {v}.", paramName);
            }
        }
    }

    /// <summary>Counts and sums the pairable values (those in units with at least two values).</summary>
    private static ScanResult ScanUnits(UnitLayout layout)
    {
        Span<double> buffer = layout.Observers <= 256 ? stackalloc double[layout.Observers] : new double[layout.Observers];
        long n = 0;
        double sum = 0;
        for (var u = 0; u < layout.Units; u++)
        {
            var m = layout.Gather(u, buffer);
            if (m < 2)
            {
                continue;
            }

            n += m;
            for (var i = 0; i < m; i++)
            {
                sum += buffer[i];
            }
        }

        return new ScanResult(n, sum);
    }

    /// <summary>alpha = 1 - (n - 1) * sum_m(A_m / (m - 1)) / E where A_m sums within-unit disagreement of units with m values.</summary>
    private static double Combine(ReadOnlySpan<double> withinByUnitSize, long n, double expectedPairSum)
    {
        if (expectedPairSum <= 0)
        {
            return double.NaN;
        }

        double observed = 0;
        for (var m = 2; m < withinByUnitSize.Length; m++)
        {
            observed += withinByUnitSize[m] / (m - 1);
        }

        return 1 - ((n - 1) * observed / expectedPairSum);
    }

    private static double NominalAlpha(UnitLayout layout, ScanResult scan)
    {
        var observers = layout.Observers;
        Span<double> buffer = observers <= 256 ? stackalloc double[observers] : new double[observers];
        var unequalByUnitSize = new long[observers + 1];
        for (var u = 0; u < layout.Units; u++)
        {
            var m = layout.Gather(u, buffer);
            if (m < 2)
            {
                continue;
            }

            unequalByUnitSize[m] += 2 * UnequalPairs(buffer[..m]);
        }

        var n = scan.PairableCount;
        var sumSquaredCounts = SumOfSquaredCategoryCounts(layout, scan);
        var within = new double[observers + 1];
        for (var m = 2; m <= observers; m++)
        {
            within[m] = unequalByUnitSize[m];
        }

        // Expected: ordered pairs of unequal pairable values = n^2 - sum_c n_c^2.
        var expected = ((double)n * n) - sumSquaredCounts;
        return Combine(within, n, expected);
    }

    /// <summary>Number of unordered pairs of unequal values among a unit's values.</summary>
    private static long UnequalPairs(Span<double> values)
    {
        long unequal = 0;
        if (values.Length <= 16)
        {
            for (var i = 1; i < values.Length; i++)
            {
                var v = values[i];
                for (var j = 0; j < i; j++)
                {
                    unequal += v != values[j] ? 1 : 0;
                }
            }

            return unequal;
        }

        values.Sort();
        long m = values.Length;
        long equalPairs = 0;
        var start = 0;
        for (var i = 1; i <= values.Length; i++)
        {
            if (i == values.Length || values[i] != values[start])
            {
                long t = i - start;
                equalPairs += t * (t - 1) / 2;
                start = i;
            }
        }

        return (m * (m - 1) / 2) - equalPairs;
    }

    private static double SumOfSquaredCategoryCounts(UnitLayout layout, ScanResult scan)
    {
        double total = 0;
        foreach (var (_, count) in DistinctValues(layout, scan))
        {
            total += (double)count * count;
        }

        return total;
    }

    /// <summary>The distinct pairable values in ascending order with their counts.</summary>
    private static List<(double Value, long Count)> DistinctValues(UnitLayout layout, ScanResult scan)
    {
        var observers = layout.Observers;
        Span<double> buffer = observers <= 256 ? stackalloc double[observers] : new double[observers];
        var distinct = new List<(double Value, long Count)>();
        var values = ArrayPool<double>.Shared.Rent(checked((int)scan.PairableCount));
        var k = 0;
        for (var u = 0; u < layout.Units; u++)
        {
            var m = layout.Gather(u, buffer);
            if (m < 2)
            {
                continue;
            }

            buffer[..m].CopyTo(values.AsSpan(k));
            k += m;
        }

        var sorted = values.AsSpan(0, k);
        sorted.Sort();
        var start = 0;
        for (var i = 1; i <= k; i++)
        {
            if (i == k || sorted[i] != sorted[start])
            {
                distinct.Add((sorted[start], i - start));
                start = i;
            }
        }

        ArrayPool<double>.Shared.Return(values);
        return distinct;
    }

    private static double IntervalAlpha(UnitLayout layout, ScanResult scan)
    {
        var n = scan.PairableCount;
        var mean = scan.PairableSum / n;
        var observers = layout.Observers;
        Span<double> buffer = observers <= 256 ? stackalloc double[observers] : new double[observers];
        var within = new double[observers + 1];
        double centredSquares = 0;
        for (var u = 0; u < layout.Units; u++)
        {
            var m = layout.Gather(u, buffer);
            if (m < 2)
            {
                continue;
            }

            var unit = buffer[..m];
            within[m] += SquaredDifferencePairSum(unit);
            foreach (var v in unit)
            {
                var d = v - mean;
                centredSquares += d * d;
            }
        }

        // Expected: sum over ordered pairs of (v_i - v_j)^2 = 2 n sum (v - mean)^2.
        return Combine(within, n, 2.0 * n * centredSquares);
    }

    /// <summary>Sum over ordered pairs i != j of (v_i - v_j)^2 within one unit.</summary>
    private static double SquaredDifferencePairSum(ReadOnlySpan<double> unit)
    {
        var m = unit.Length;
        if (m <= 8)
        {
            double s = 0;
            for (var i = 1; i < m; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    var d = unit[i] - unit[j];
                    s += d * d;
                }
            }

            return 2 * s;
        }

        double sum = 0;
        foreach (var v in unit)
        {
            sum += v;
        }

        var mean = sum / m;
        double squares = 0;
        foreach (var v in unit)
        {
            var d = v - mean;
            squares += d * d;
        }

        return 2.0 * m * squares;
    }

    private static double OrdinalAlpha(UnitLayout layout, ScanResult scan)
    {
        // Mid-rank of category c among the pairable values: sum_(g < c) n_g + n_c / 2. The ordinal difference
        // (sum_(g = c..k) n_g - (n_c + n_k) / 2)^2 equals (midrank_k - midrank_c)^2, so ordinal alpha is interval
        // alpha on mid-ranks.
        var distinct = DistinctValues(layout, scan);
        var values = new double[distinct.Count];
        var midranks = new double[distinct.Count];
        double below = 0, midrankSum = 0;
        for (var c = 0; c < distinct.Count; c++)
        {
            values[c] = distinct[c].Value;
            midranks[c] = below + (distinct[c].Count / 2.0);
            below += distinct[c].Count;
            midrankSum += midranks[c] * distinct[c].Count;
        }

        var n = scan.PairableCount;
        var meanMidrank = midrankSum / n;
        double centredSquares = 0;
        for (var c = 0; c < distinct.Count; c++)
        {
            var d = midranks[c] - meanMidrank;
            centredSquares += distinct[c].Count * d * d;
        }

        var observers = layout.Observers;
        Span<double> buffer = observers <= 256 ? stackalloc double[observers] : new double[observers];
        var within = new double[observers + 1];
        for (var u = 0; u < layout.Units; u++)
        {
            var m = layout.Gather(u, buffer);
            if (m < 2)
            {
                continue;
            }

            var unit = buffer[..m];
            for (var i = 0; i < m; i++)
            {
                unit[i] = midranks[Array.BinarySearch(values, unit[i])];
            }

            within[m] += SquaredDifferencePairSum(unit);
        }

        return Combine(within, n, 2.0 * n * centredSquares);
    }

    private static double RatioAlpha(UnitLayout layout, ScanResult scan)
    {
        var observers = layout.Observers;
        Span<double> buffer = observers <= 256 ? stackalloc double[observers] : new double[observers];
        var within = new double[observers + 1];
        var rented = ArrayPool<double>.Shared.Rent(checked((int)scan.PairableCount));
        try
        {
            var pairable = rented.AsSpan(0, (int)scan.PairableCount);
            var k = 0;
            for (var u = 0; u < layout.Units; u++)
            {
                var m = layout.Gather(u, buffer);
                if (m < 2)
                {
                    continue;
                }

                double s = 0;
                for (var i = 1; i < m; i++)
                {
                    for (var j = 0; j < i; j++)
                    {
                        s += RatioDifference(buffer[i], buffer[j]);
                    }
                }

                within[m] += 2 * s;
                buffer[..m].CopyTo(pairable[k..]);
                k += m;
            }

            return Combine(within, scan.PairableCount, RatioExpected(pairable));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static double RatioDifference(double a, double b)
    {
        var q = (a - b) / (a + b);
        return q * q;
    }

    /// <summary>sum_(c &lt; k) n_c n_k ((v_c - v_k) / (v_c + v_k))^2 over distinct values, with O(1) extra memory.</summary>
    internal static double RatioExpectedPairSum(ReadOnlySpan<double> values, ReadOnlySpan<double> counts)
    {
        var width = Vector<double>.Count;
        double total = 0;
        for (var c = 1; c < values.Length; c++)
        {
            var vc = values[c];
            var centre = new Vector<double>(vc);
            var rowVector = Vector<double>.Zero;
            var k = 0;
            for (; k <= c - width; k += width)
            {
                var vk = new Vector<double>(values[k..]);
                var q = (centre - vk) / (centre + vk);
                rowVector += new Vector<double>(counts[k..]) * q * q;
            }

            var row = Vector.Sum(rowVector);
            for (; k < c; k++)
            {
                var q = (vc - values[k]) / (vc + values[k]);
                row += counts[k] * q * q;
            }

            total += counts[c] * row;
        }

        return total;
    }
}
