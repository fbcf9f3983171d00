using System.Numerics;

namespace CoProduction.Scoring;

public static partial class Agreement
{
    /// <summary>Up to this many pairable values the ratio expected disagreement is summed pair by pair (over distinct values).</summary>
    internal const int RatioPairwiseLimit = 8192;

    /// <summary>
    /// Quadrature weights e^(-t b) with t b above 600 are taken as zero: each is below 1e-260 against the weight 1 of
    /// the smallest value (b = 0), and e^(-t b) b^2 stays below 1e-230 for any b a double ratio can reach, so the sum
    /// does not change at double precision. It keeps Vector.Exp on its vector path (below about -708 it computes
    /// every lane in scalar code) and the products away from subnormal numbers.
    /// </summary>
    private const double ExponentFloor = -600;

    /// <summary>Magnitude classes of the scaled values: b &lt; 1, then [2^(e-1), 2^e) up to the last, which is open.</summary>
    private const int MagnitudeClasses = 64;

    private static int MagnitudeClass(double b) => b < 1 ? 0 : Math.Min(MagnitudeClasses - 1, Math.ILogB(b) + 1);

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

        // delta is scale-free: work with b = a / min(a) - 1 >= 0, and factor e^(-t) out of each weight. The values
        // are placed in order of magnitude class (b < 1, then [2^(e-1), 2^e) for e = 1, 2, ...; a counting sort, O(V)),
        // so that a node only visits the prefix of classes whose weights are not all below e^ExponentFloor.
        Span<int> classStart = stackalloc int[MagnitudeClasses + 1];
        classStart.Clear();
        for (var k = 0; k < v; k++)
        {
            classStart[MagnitudeClass((values[k] / smallest) - 1) + 1]++;
        }

        for (var e = 1; e <= MagnitudeClasses; e++)
        {
            classStart[e] += classStart[e - 1];
        }

        Span<int> next = stackalloc int[MagnitudeClasses];
        classStart[..MagnitudeClasses].CopyTo(next);
        var orderedCounts = unitCounts ? [] : new double[v];
        for (var k = 0; k < v; k++)
        {
            var b = (values[k] / smallest) - 1;
            var slot = next[MagnitudeClass(b)]++;
            scaled[slot] = b;
            if (!unitCounts)
            {
                orderedCounts[slot] = counts[k];
            }
        }

        counts = orderedCounts;

        // Lower end: the neglected part is below about t_min^2 (b_max)^2 relative to the total; upper end: weights
        // decay like e^(-2t) relative to their values at small t.
        const double Step = 0.25;
        var lower = Math.Log(1e-9 / (largest + 1));
        var upper = Math.Log(20.0);
        var width = Vector<double>.Count;
        var series = new RatioSeries(scaled, counts);
        double sum = 0;
        for (var s = lower; s <= upper; s += Step)
        {
            var t = Math.Exp(s);
            if (series.Covers(t))
            {
                sum += series.Integrand(t);
                continue;
            }

            // Classes whose smallest b has t b above -ExponentFloor have only zero weights.
            var classes = 1;
            while (classes < MagnitudeClasses && t * Math.ScaleB(1, classes - 1) <= -ExponentFloor)
            {
                classes++;
            }

            var active = classStart[classes];
            var minusT = new Vector<double>(-t);
            var floor = new Vector<double>(ExponentFloor);
            var a0 = Vector<double>.Zero;
            var a1 = Vector<double>.Zero;
            var k = 0;
            for (; k <= active - width; k += width)
            {
                var b = new Vector<double>(scaled, k);
                // Vector.Exp falls back to scalar code for the whole vector when any argument is below about -708,
                // which wide-spread data hit at most nodes; weights below e^-600 are set to zero instead.
                var exponent = minusT * b;
                var w = Vector.ConditionalSelect(Vector.GreaterThan(exponent, floor), Vector.Exp(Vector.Max(exponent, floor)), Vector<double>.Zero);
                if (!unitCounts)
                {
                    w *= new Vector<double>(counts[k..]);
                }

                w.CopyTo(weights, k);
                a0 += w;
                a1 += w * b;
            }

            double total = Vector.Sum(a0), first = Vector.Sum(a1);
            for (; k < active; k++)
            {
                var exponent = -t * scaled[k];
                var w = exponent > ExponentFloor ? (unitCounts ? 1 : counts[k]) * Math.Exp(exponent) : 0;
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
            for (; k <= active - width; k += width)
            {
                var d = new Vector<double>(scaled, k) - mean;
                spread += new Vector<double>(weights, k) * d * d;
            }

            var c = Vector.Sum(spread);
            for (; k < active; k++)
            {
                var d = scaled[k] - (first / total);
                c += weights[k] * d * d;
            }

            // dt = t ds, and the factored-out e^(-t) from each of the two weights gives e^(-2t).
            sum += t * t * 2 * total * c * Math.Exp(-2 * t);
        }

        return Step * sum;
    }

    /// <summary>
    /// The quadrature integrand at the small nodes from power sums, without a pass over the values per node. About
    /// the count-weighted mean m of the scaled values b, with x = b - m and R = max |x|, the sums
    /// A_i(t) = sum n_k x_k^i e^(-t x_k) (i = 0, 1, 2) are series in (-t R)^j Q_(i+j) / j! with Q_j = sum n_k (x_k / R)^j.
    /// Where t R &lt;= 1 the terms fall faster than 1 / j!, so <see cref="Terms"/> of them leave a relative error
    /// below 1e-19; the weighted spread is then C = A_2 - A_1^2 / A_0, where A_1 is O(t) (Q_1 = 0) so the
    /// subtraction costs at most a few bits, and e^(-t m) from each weight is restored as e^(-2 t m).
    /// </summary>
    private sealed class RatioSeries
    {
        /// <summary>Series terms kept: 1 / 21! is about 2e-20.</summary>
        private const int Terms = 21;

        private readonly double[] _sums = new double[Terms + 2];
        private readonly double _mean;
        private readonly double _reach;

        public RatioSeries(ReadOnlySpan<double> scaled, ReadOnlySpan<double> counts)
        {
            var unitCounts = counts.IsEmpty;
            double total = 0, first = 0;
            for (var k = 0; k < scaled.Length; k++)
            {
                var n = unitCounts ? 1 : counts[k];
                total += n;
                first += n * scaled[k];
            }

            _mean = first / total;
            foreach (var b in scaled)
            {
                _reach = Math.Max(_reach, Math.Abs(b - _mean));
            }

            if (_reach == 0)
            {
                return;
            }

            // Power sums of y = x / R in [-1, 1], Terms + 2 of them, accumulated in vectors of lanes.
            var width = Vector<double>.Count;
            var accumulators = new Vector<double>[_sums.Length];
            var mean = new Vector<double>(_mean);
            var inverse = new Vector<double>(1 / _reach);
            var k2 = 0;
            for (; k2 <= scaled.Length - width; k2 += width)
            {
                var y = (new Vector<double>(scaled[k2..]) - mean) * inverse;
                var power = unitCounts ? Vector<double>.One : new Vector<double>(counts[k2..]);
                for (var j = 0; j < accumulators.Length; j++)
                {
                    accumulators[j] += power;
                    power *= y;
                }
            }

            for (var j = 0; j < accumulators.Length; j++)
            {
                _sums[j] = Vector.Sum(accumulators[j]);
            }

            for (; k2 < scaled.Length; k2++)
            {
                var y = (scaled[k2] - _mean) / _reach;
                var power = unitCounts ? 1 : counts[k2];
                for (var j = 0; j < _sums.Length; j++)
                {
                    _sums[j] += power;
                    power *= y;
                }
            }
        }

        /// <summary>Whether the series is accurate at node <paramref name="t"/> (t R &lt;= 1; always for equal values).</summary>
        public bool Covers(double t) => t * _reach <= 1;

        /// <summary>t^2 2 A0(t) C(t) e^(-2t), the same integrand the direct pass forms.</summary>
        public double Integrand(double t)
        {
            if (_reach == 0)
            {
                return 0;
            }

            var z = -t * _reach;
            double a0 = 0, a1 = 0, a2 = 0, coefficient = 1;
            for (var j = 0; j < Terms; j++)
            {
                a0 += coefficient * _sums[j];
                a1 += coefficient * _sums[j + 1];
                a2 += coefficient * _sums[j + 2];
                coefficient *= z / (j + 1);
            }

            // In units of R: A_1 carries one factor R and A_2 two.
            var spread = Math.Max(0, a2 - (a1 * a1 / a0)) * _reach * _reach;
            return t * t * 2 * a0 * spread * Math.Exp(-2 * t * (1 + _mean));
        }
    }
}
