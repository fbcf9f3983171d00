using System.Buffers;

namespace CoProduction.Scoring;

public static partial class Agreement
{
    /// <summary>The largest number of distinct unit contents (multisets) counted directly.</summary>
    private const int MaxMultisetKeys = 1 << 20;

    /// <summary>Whether the unit contents of a small scale can be counted as multisets: (observers + 1)^range keys.</summary>
    private static bool FitsMultisetKeys(int observers, int range) => Math.Pow(observers + 1, range) <= MaxMultisetKeys;

    /// <summary>
    /// Krippendorff's alpha for small rating scales in a single pass over the units: each unit's content is the
    /// multiset of its codes, encoded as one integer (digit c in base observers + 1 counts the values c), and only
    /// how often each content occurs is recorded. Every disagreement is then computed exactly per distinct content.
    /// </summary>
    private static double MultisetAlpha(UnitLayout layout, MeasurementLevel level, double min, int range)
    {
        var observers = layout.Observers;
        var units = layout.Units;
        var data = layout.Data;
        var radix = observers + 1;
        Span<int> digitValue = stackalloc int[range];
        var keySpace = 1;
        for (var c = 0; c < range; c++)
        {
            digitValue[c] = keySpace;
            keySpace *= radix;
        }

        var counts = ArrayPool<int>.Shared.Rent(keySpace);
        try
        {
            var keyCounts = counts.AsSpan(0, keySpace);
            keyCounts.Clear();
            for (var u = 0; u < units; u++)
            {
                var key = 0;
                for (int o = 0, index = u; o < observers; o++, index += units)
                {
                    var v = data[index];
                    key += double.IsNaN(v) ? 0 : digitValue[(int)(v - min)];
                }

                keyCounts[key]++;
            }

            // Marginal histogram of the pairable values.
            var histogram = new long[range];
            Span<int> digits = stackalloc int[range];
            for (var key = 0; key < keySpace; key++)
            {
                var count = keyCounts[key];
                if (count == 0 || Decode(key, radix, digits) < 2)
                {
                    continue;
                }

                for (var c = 0; c < range; c++)
                {
                    histogram[c] += (long)count * digits[c];
                }
            }

            long n = 0;
            foreach (var h in histogram)
            {
                n += h;
            }

            if (n < 2)
            {
                return double.NaN;
            }

            var position = new double[range];
            double below = 0;
            for (var c = 0; c < range; c++)
            {
                position[c] = level switch
                {
                    MeasurementLevel.Ordinal => below + (histogram[c] / 2.0),
                    MeasurementLevel.Ratio => min + c,
                    _ => c,
                };
                below += histogram[c];
            }

            var within = new double[observers + 1];
            for (var key = 0; key < keySpace; key++)
            {
                var count = keyCounts[key];
                if (count == 0)
                {
                    continue;
                }

                var m = Decode(key, radix, digits);
                if (m < 2)
                {
                    continue;
                }

                // Ordered pairs of the unit's values: sum over codes c, k of n_c n_k delta(c, k) (n_c (n_c - 1) on the diagonal, where delta is 0).
                double disagreement = 0;
                for (var c = 0; c < range; c++)
                {
                    if (digits[c] == 0)
                    {
                        continue;
                    }

                    for (var k = 0; k < c; k++)
                    {
                        if (digits[k] != 0)
                        {
                            disagreement += 2.0 * digits[c] * digits[k] * Difference(level, position[c], position[k]);
                        }
                    }
                }

                within[m] += count * disagreement;
            }

            double expected = 0;
            for (var c = 0; c < range; c++)
            {
                for (var k = 0; k < c; k++)
                {
                    expected += 2.0 * histogram[c] * histogram[k] * Difference(level, position[c], position[k]);
                }
            }

            return Combine(within, n, expected);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    /// <summary>Writes the base-<paramref name="radix"/> digits of <paramref name="key"/> and returns their sum.</summary>
    private static int Decode(int key, int radix, Span<int> digits)
    {
        var total = 0;
        for (var c = 0; c < digits.Length; c++)
        {
            digits[c] = key % radix;
            total += digits[c];
            key /= radix;
        }

        return total;
    }

    private static double Difference(MeasurementLevel level, double a, double b) => level switch
    {
        MeasurementLevel.Nominal => 1,
        MeasurementLevel.Ratio => RatioDifference(a, b),
        _ => (a - b) * (a - b),
    };
}
