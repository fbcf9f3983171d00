using System.Numerics;

namespace CoProduction.Scoring;

public static partial class Agreement
{
    /// <summary>Up to this many pairable values the ratio expected disagreement is summed pair by pair (over distinct values).</summary>
    internal const int RatioPairwiseLimit = 8192;

    /// <summary>
    /// Sum over ordered pairs of pairable values of ((a - b) / (a + b))^2: pair by pair over the distinct values for
    /// up to <see cref="RatioPairwiseLimit"/> values, otherwise by <see cref="RatioExpectedByQuadrature"/> directly on
    /// the values (no sort needed). The values are reordered.
    /// </summary>
    private static double RatioExpected(Span<double> pairable)
    {
        if (pairable.Length > RatioPairwiseLimit)
        {
            return RatioExpectedByQuadrature(pairable, []);
        }

        pairable.Sort();
        var values = new List<double>();
        var counts = new List<double>();
        var start = 0;
        for (var i = 1; i <= pairable.Length; i++)
        {
            if (i == pairable.Length || pairable[i] != pairable[start])
            {
                values.Add(pairable[start]);
                counts.Add(i - start);
                start = i;
            }
        }

        return 2 * RatioExpectedPairSum(values.ToArray(), counts.ToArray());
    }

    /// <summary>
    /// The ratio expected disagreement in O(V) per quadrature node (values in any order; empty
    /// <paramref name="counts"/> means each value counts once), from the identity
    /// 1 / (a + b)^2 = integral over t &gt; 0 of t e^(-t (a + b)), which makes the double sum separable:
    /// sum_(c,k) n_c n_k (a_c - a_k)^2 / (a_c + a_k)^2 = integral of t * 2 A0(t) C(t) dt, where with weights
    /// w_k(t) = n_k e^(-t a_k), A0 = sum w_k and C = sum w_k (a_k - mu)^2 about the weighted mean mu (computed in two
    /// passes, so no cancellation). With t = e^s the integrand is analytic in a strip and decays exponentially at
    /// both ends, so the trapezoid rule in s converges geometrically; the step and range are chosen for a relative
    /// error far below 1e-12 (property-tested against the pairwise sum).
    /// </summary>
    internal static double RatioExpectedByQuadrature(ReadOnlySpan<double> values, ReadOnlySpan<double> counts)
    {
        var v = values.Length;
        var scaled = new double[v];
        var weights = new double[v];
        double smallest = double.PositiveInfinity, biggest = 0;
        foreach (var value in values)
        {
            smallest = Math.Min(smallest, value);
            biggest = Math.Max(biggest, value);
        }

        var largest = biggest / smallest;
        var unitCounts = counts.IsEmpty;
        for (var k = 0; k < v; k++)
        {
            // delta is scale-free: work with b = a / min(a) >= 1, and factor e^(-t) out of each weight.
            scaled[k] = (values[k] / smallest) - 1;
        }

        // Lower end: the neglected part is below about t_min^2 (b_max)^2 relative to the total; upper end: weights
        // decay like e^(-2t) relative to their values at small t.
        const double Step = 0.25;
        var lower = Math.Log(1e-9 / (largest + 1));
        var upper = Math.Log(20.0);
        var width = Vector<double>.Count;
        double sum = 0;
        for (var s = lower; s <= upper; s += Step)
        {
            var t = Math.Exp(s);
            var minusT = new Vector<double>(-t);
            var a0 = Vector<double>.Zero;
            var a1 = Vector<double>.Zero;
            var k = 0;
            for (; k <= v - width; k += width)
            {
                var b = new Vector<double>(scaled, k);
                var w = Vector.Exp(minusT * b);
                if (!unitCounts)
                {
                    w *= new Vector<double>(counts[k..]);
                }

                w.CopyTo(weights, k);
                a0 += w;
                a1 += w * b;
            }

            double total = Vector.Sum(a0), first = Vector.Sum(a1);
            for (; k < v; k++)
            {
                var w = (unitCounts ? 1 : counts[k]) * Math.Exp(-t * scaled[k]);
                weights[k] = w;
                total += w;
                first += w * scaled[k];
            }

            if (total == 0)
            {
                continue;
            }

            var mean = new Vector<double>(first / total);
            var spread = Vector<double>.Zero;
            k = 0;
            for (; k <= v - width; k += width)
            {
                var d = new Vector<double>(scaled, k) - mean;
                spread += new Vector<double>(weights, k) * d * d;
            }

            var c = Vector.Sum(spread);
            for (; k < v; k++)
            {
                var d = scaled[k] - (first / total);
                c += weights[k] * d * d;
            }

            // dt = t ds, and the factored-out e^(-t) from each of the two weights gives e^(-2t).
            sum += t * t * 2 * total * c * Math.Exp(-2 * t);
        }

        return Step * sum;
    }
}
