namespace CoProduction.Scoring;

/// <summary>
/// Proportion charts with a denominator per point (p charts) and Laney's p' chart, with the same Making Data Count
/// special-cause rules as <see cref="XmRChart"/>: for example the monthly share of active improvement projects with
/// patients involved, where the number of active projects changes from month to month.
/// </summary>
/// <remarks>
/// <para>
/// Point i has numerator x_i and denominator n_i and plots p_i = x_i / n_i. The centre line is
/// p-bar = sum x_i / sum n_i over the baseline (every point of the segment, or its first
/// <see cref="SpcOptions.BaselineLength"/>). The p chart's sigma at point i is sigma_i = sqrt(p-bar (1 - p-bar) / n_i);
/// Laney's p' chart multiplies it by sigma_z = (mean |z_i - z_(i-1)|) / 1.128 with z_i = (p_i - p-bar) / sigma_i over
/// the baseline (as Laney 2002, Minitab and qicharts2 define it; moving ranges are not screened). Process limits are
/// p-bar +/- 3 sigma_i (sigma_z), clamped to [0, 1]; the outer third starts at p-bar +/- 2 sigma_i (sigma_z).
/// </para>
/// <para>
/// The rules are <see cref="XmRChart"/>'s, applied with each point's own limits: beyond a limit, trend, 2 of 3 in the
/// outer third, shift about p-bar, with the same precedence and directions. A point with denominator 0 is missing:
/// its proportion and limits are NaN, it is common cause, and it breaks runs and moving ranges. Rebase
/// (<see cref="SpcOptions.RebaseAt"/>) gives each segment its own p-bar, sigma_z and runs. Assurance compares the
/// target with the limits at the last point that has a denominator. <see cref="SpcOptions.ScreenOutliers"/> does not
/// apply.
/// </para>
/// </remarks>
public static class ProportionChart
{
    /// <summary>Laney's unbiasing constant d2 for moving ranges of two.</summary>
    public const double MovingRangeConstant = 1.128;

    /// <summary>Analyses a series of counts out of denominators.</summary>
    /// <param name="numerators">x_i: how many of the n_i met the measure at each point, in time order.</param>
    /// <param name="denominators">n_i: how many there were at each point; 0 marks a missing point.</param>
    /// <param name="kind">A p chart or Laney's p' chart.</param>
    /// <param name="options">
    /// Options (improvement direction, target as a proportion in [0, 1], run lengths, baseline, rebase), or null for
    /// the defaults.
    /// </param>
    /// <returns>Proportions, per-point limits, classes and rules, segments and assurance.</returns>
    /// <exception cref="ArgumentException">
    /// The series is empty or the spans differ in length; a count is negative or a numerator exceeds its denominator;
    /// the options are invalid, the target is outside [0, 1], or a rebase point is outside the series.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static ProportionResult Analyse(
        ReadOnlySpan<int> numerators,
        ReadOnlySpan<int> denominators,
        ProportionChartKind kind = ProportionChartKind.P,
        SpcOptions? options = null)
    {
        options ??= SpcOptions.Default;
        options.Validate(nameof(options));
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown proportion chart kind.");
        }

        if (numerators.IsEmpty)
        {
            throw new ArgumentException("The series is empty.", nameof(numerators));
        }

        if (denominators.Length != numerators.Length)
        {
            throw new ArgumentException(
                $"There are {numerators.Length} numerators but {denominators.Length} denominators; each point needs both.", nameof(denominators));
        }

        if (options.Target is { } target && target is < 0 or > 1)
        {
            throw new ArgumentException($"The target of a proportion chart is a proportion between 0 and 1, but is {target}.", nameof(options));
        }

        var n = numerators.Length;
        options.ValidateRebase(n, nameof(options));
        var proportions = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (denominators[i] < 0)
            {
                throw new ArgumentException($"denominators[{i}] is {denominators[i]}; a denominator cannot be negative.", nameof(denominators));
            }

            if (numerators[i] < 0 || numerators[i] > denominators[i])
            {
                throw new ArgumentException(
                    $"numerators[{i}] is {numerators[i]} out of {denominators[i]}; a numerator must be between 0 and its denominator.", nameof(numerators));
            }

            proportions[i] = denominators[i] == 0 ? double.NaN : (double)numerators[i] / denominators[i];
        }

        var lower = new double[n];
        var upper = new double[n];
        var nearLower = new double[n];
        var nearUpper = new double[n];
        var pointTypes = new PointType[n];
        var rules = new SpecialCauseRule[n];
        var segments = new ProportionSegment[options.SegmentCount];
        for (var g = 0; g < segments.Length; g++)
        {
            var (start, length) = options.Segment(g, n);
            var baseline = options.BaselineLength is { } b && b < length ? b : length;
            var centre = CentreLine(numerators.Slice(start, baseline), denominators.Slice(start, baseline));
            var sigmaZ = kind == ProportionChartKind.LaneyPPrime
                ? SigmaZ(proportions.AsSpan(start, baseline), denominators.Slice(start, baseline), centre)
                : 1;
            for (var i = start; i < start + length; i++)
            {
                var sigma = denominators[i] == 0 ? double.NaN : Math.Sqrt(centre * (1 - centre) / denominators[i]) * sigmaZ;
                lower[i] = Math.Max(0, centre - (3 * sigma));
                upper[i] = Math.Min(1, centre + (3 * sigma));
                nearLower[i] = centre - (2 * sigma);
                nearUpper[i] = centre + (2 * sigma);
                if (double.IsNaN(sigma))
                {
                    lower[i] = upper[i] = double.NaN;
                }
            }

            segments[g] = new ProportionSegment(start, length, centre, sigmaZ);
            XmRChart.ApplyRules(
                proportions.AsSpan(start, length),
                centre,
                new VaryingLimits(lower, upper, nearLower, nearUpper, start),
                options,
                pointTypes.AsSpan(start, length),
                rules.AsSpan(start, length));
        }

        var last = n - 1;
        while (last > 0 && denominators[last] == 0)
        {
            last--;
        }

        var assurance = XmRChart.Assess(options, lower[last], upper[last]);
        return new ProportionResult(kind, segments, proportions, lower, upper, nearLower, nearUpper, pointTypes, rules, assurance);
    }

    private static double CentreLine(ReadOnlySpan<int> numerators, ReadOnlySpan<int> denominators)
    {
        long x = 0, total = 0;
        for (var i = 0; i < numerators.Length; i++)
        {
            x += numerators[i];
            total += denominators[i];
        }

        return total == 0 ? double.NaN : (double)x / total;
    }

    /// <summary>Mean moving range of the z-scores / 1.128; NaN without a moving range or when p-bar is 0 or 1.</summary>
    private static double SigmaZ(ReadOnlySpan<double> proportions, ReadOnlySpan<int> denominators, double centre)
    {
        var spread = centre * (1 - centre);
        if (!(spread > 0))
        {
            return double.NaN;
        }

        double sum = 0;
        var count = 0;
        var previous = double.NaN;
        for (var i = 0; i < proportions.Length; i++)
        {
            var z = denominators[i] == 0 ? double.NaN : (proportions[i] - centre) / Math.Sqrt(spread / denominators[i]);
            if (!double.IsNaN(z) && !double.IsNaN(previous))
            {
                sum += Math.Abs(z - previous);
                count++;
            }

            previous = z;
        }

        return count == 0 ? double.NaN : sum / count / MovingRangeConstant;
    }
}
