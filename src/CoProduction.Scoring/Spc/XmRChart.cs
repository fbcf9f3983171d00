using System.Buffers;
using System.Numerics;

namespace CoProduction.Scoring;

/// <summary>
/// XmR charts with the NHS England "Making Data Count" special-cause rules, as NHSRplotthedots (NHS-R community)
/// applies them.
/// </summary>
/// <remarks>
/// <para>
/// Limits: the mean of the values; moving ranges |y[i] - y[i-1]| (none across a missing value); with screening,
/// moving ranges at or above 3.267 x their mean are dropped and the mean recomputed; process limits are
/// mean +/- 2.66 x mean moving range and the outer third starts at mean +/- (2/3 x 2.66) x mean moving range.
/// </para>
/// <para>
/// Rules, in order of precedence (the first that applies decides the point): (1) beyond a process limit (strictly);
/// (2) part of a trend: <see cref="SpcOptions.TrendLength"/> consecutive points each strictly above (or below) the one
/// before, so an equal neighbour breaks it, and every point of the run is flagged; (3) 2 of 3: a window of three
/// consecutive points all strictly on one side of the mean with at least two of them in the outer third (a point
/// beyond the limit does not count as outer third, but it does count for the side), and then only the outer-third
/// points of the window are flagged; (4) part of a shift: <see cref="SpcOptions.ShiftLength"/> consecutive points
/// strictly on the same side of the mean (a point on the mean breaks it), all flagged.
/// </para>
/// <para>
/// Direction: beyond-limit, 2-of-3 and shift points are high when above the mean; a trend point takes the direction
/// of the step to its right when its right neighbour is also part of a trend, otherwise of the step from its left,
/// and counts as falling unless that step rises (NHSRplotthedots' rule, kept even where trends meet).
/// </para>
/// <para>
/// Missing values (NaN) never create a special cause: a missing point is common cause, is neither above nor below
/// the mean, and breaks every run and 2-of-3 window it falls in, as it breaks the moving ranges.
/// </para>
/// <para>
/// Rebase (<see cref="SpcOptions.RebaseAt"/>): the series is cut before each marked point, and each segment gets its own
/// mean and limits (and baseline) and its own runs, as NHSRplotthedots' <c>rebase</c> groups do: no run, trend or
/// 2-of-3 window crosses a rebase point, and no moving range spans one.
/// </para>
/// <para>
/// Degenerate series follow NHSRplotthedots too: with fewer than two consecutive values, or with screening on and
/// every moving range zero (a constant series), the mean moving range and so the limits are NaN, and only the shift
/// rule can apply.
/// </para>
/// </remarks>
public static class XmRChart
{
    /// <summary>The XmR scaling constant for process limits (3 / d2 with d2 = 1.128).</summary>
    public const double LimitFactor = 2.66;

    /// <summary>The moving-range screening constant (D4 for subgroups of two).</summary>
    public const double MovingRangeScreen = 3.267;

    private const byte Outside = 1;
    private const byte Close = 2;
    private const byte TrendEnd = 4;
    private const byte ShiftEnd = 8;
    private const byte TrendPart = 16;
    private const byte ShiftPart = 32;

    /// <summary>Analyses a series: limits, the class of every point, and assurance against the target.</summary>
    /// <param name="values">The series in time order; <see cref="double.NaN"/> marks a missing value.</param>
    /// <param name="options">Options, or null for the NHSRplotthedots defaults.</param>
    /// <returns>The limits of every segment, per-point classes and rules, and the assurance.</returns>
    /// <exception cref="ArgumentException">
    /// The series is empty, holds an infinite value, the options are invalid or a rebase point is outside the series.
    /// </exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads", Justification = "Analyse(values, options) is the documented entry point; the span overload is an allocation-free variant that takes its options explicitly.")]
    public static XmRResult Analyse(ReadOnlySpan<double> values, SpcOptions? options = null)
    {
        options ??= SpcOptions.Default;
        options.Validate(nameof(options));
        if (values.IsEmpty)
        {
            throw new ArgumentException("The series is empty.", nameof(values));
        }

        var pointTypes = new PointType[values.Length];
        var rules = new SpecialCauseRule[values.Length];
        var segments = AnalyseSegments(values, pointTypes, rules, options);
        return new XmRResult(segments, pointTypes, rules);
    }

    /// <summary>
    /// Analyses a series into caller-supplied spans without allocating (apart from pooled scratch space).
    /// </summary>
    /// <param name="values">The series in time order; <see cref="double.NaN"/> marks a missing value.</param>
    /// <param name="pointTypes">Receives the class of each point; same length as <paramref name="values"/>.</param>
    /// <param name="rules">Receives the rule behind each point's class; same length as <paramref name="values"/>.</param>
    /// <param name="options">Options, or null for the NHSRplotthedots defaults.</param>
    /// <returns>The limits and assurance (of the last segment when <see cref="SpcOptions.RebaseAt"/> is set).</returns>
    /// <exception cref="ArgumentException">
    /// Empty or infinite values, mismatched output lengths, invalid options or rebase points outside the series.
    /// </exception>
    public static XmRLimits Analyse(ReadOnlySpan<double> values, Span<PointType> pointTypes, Span<SpecialCauseRule> rules, SpcOptions? options)
    {
        options ??= SpcOptions.Default;
        options.Validate(nameof(options));
        if (values.IsEmpty)
        {
            throw new ArgumentException("The series is empty.", nameof(values));
        }

        if (pointTypes.Length != values.Length)
        {
            throw new ArgumentException($"pointTypes has {pointTypes.Length} slots for {values.Length} values.", nameof(pointTypes));
        }

        if (rules.Length != values.Length)
        {
            throw new ArgumentException($"rules has {rules.Length} slots for {values.Length} values.", nameof(rules));
        }

        options.ValidateRebase(values.Length, nameof(options));
        CheckFinite(values);
        var limits = default(XmRLimits);
        var segments = options.SegmentCount;
        for (var g = 0; g < segments; g++)
        {
            var (start, length) = options.Segment(g, values.Length);
            limits = AnalyseSegment(values.Slice(start, length), pointTypes.Slice(start, length), rules.Slice(start, length), options);
        }

        return limits;
    }

    /// <summary>Analyses each segment between rebase points on its own and returns the limits of every segment.</summary>
    internal static XmRSegment[] AnalyseSegments(ReadOnlySpan<double> values, Span<PointType> pointTypes, Span<SpecialCauseRule> rules, SpcOptions options)
    {
        options.ValidateRebase(values.Length, nameof(options));
        CheckFinite(values);
        var segments = new XmRSegment[options.SegmentCount];
        for (var g = 0; g < segments.Length; g++)
        {
            var (start, length) = options.Segment(g, values.Length);
            var limits = AnalyseSegment(values.Slice(start, length), pointTypes.Slice(start, length), rules.Slice(start, length), options);
            segments[g] = new XmRSegment(start, length, limits);
        }

        return segments;
    }

    private static XmRLimits AnalyseSegment(ReadOnlySpan<double> values, Span<PointType> pointTypes, Span<SpecialCauseRule> rules, SpcOptions options)
    {
        var limits = ComputeLimits(values, options);
        var constant = new ConstantLimits(limits.LowerProcessLimit, limits.UpperProcessLimit, limits.NearLowerLimit, limits.NearUpperLimit);
        ApplyRules(values, limits.Mean, constant, options, pointTypes, rules);
        return limits;
    }

    /// <summary>
    /// Applies the special-cause rules to one segment whose centre line is <paramref name="mean"/> and whose limits
    /// (constant or per point) come from <paramref name="limits"/>.
    /// </summary>
    internal static void ApplyRules<TLimits>(
        ReadOnlySpan<double> values,
        double mean,
        TLimits limits,
        SpcOptions options,
        Span<PointType> pointTypes,
        Span<SpecialCauseRule> rules)
        where TLimits : struct, IPointLimits
    {
        var n = values.Length;
        var flags = ArrayPool<byte>.Shared.Rent(n);
        var sides = ArrayPool<sbyte>.Shared.Rent(n);
        try
        {
            MarkPoints(values, mean, limits, options, flags.AsSpan(0, n), sides.AsSpan(0, n));
            MarkRunsAndClassify(values, options, flags.AsSpan(0, n), sides.AsSpan(0, n), pointTypes, rules);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(flags);
            ArrayPool<sbyte>.Shared.Return(sides);
        }
    }

    private static void CheckFinite(ReadOnlySpan<double> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsInfinity(values[i]))
            {
                throw new ArgumentException($"values[{i}] is infinite; use NaN for a missing value.", nameof(values));
            }
        }
    }

    private static XmRLimits ComputeLimits(ReadOnlySpan<double> values, SpcOptions options)
    {
        var baseline = options.BaselineLength is { } length && length < values.Length ? values[..length] : values;
        var (sum, count) = SumPresent(baseline);
        var mean = count == 0 ? double.NaN : sum / count;
        var (rangeSum, ranges) = SumMovingRanges(baseline, double.PositiveInfinity);
        var meanRange = ranges == 0 ? double.NaN : rangeSum / ranges;
        if (options.ScreenOutliers && ranges > 0)
        {
            (rangeSum, ranges) = SumMovingRanges(baseline, MovingRangeScreen * meanRange);
            meanRange = ranges == 0 ? double.NaN : rangeSum / ranges;
        }

        var lower = mean - (LimitFactor * meanRange);
        var upper = mean + (LimitFactor * meanRange);
        const double Near = 2 * (LimitFactor / 3);
        var assurance = Assess(options, lower, upper);
        return new XmRLimits(mean, meanRange, lower, upper, mean - (Near * meanRange), mean + (Near * meanRange), assurance);
    }

    /// <summary>Sum and count of the non-missing values.</summary>
    private static (double Sum, long Count) SumPresent(ReadOnlySpan<double> values)
    {
        var width = Vector<double>.Count;
        var sums = Vector<double>.Zero;
        var counts = Vector<long>.Zero;
        var i = 0;
        for (; i <= values.Length - width; i += width)
        {
            var v = new Vector<double>(values[i..]);
            var present = Vector.Equals(v, v);
            sums += Vector.ConditionalSelect(present, v, Vector<double>.Zero);
            counts -= present;
        }

        var sum = Vector.Sum(sums);
        var count = Vector.Sum(counts);
        for (; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                sum += values[i];
                count++;
            }
        }

        return (sum, count);
    }

    /// <summary>Sum and count of the moving ranges |y[i] - y[i-1]| that are defined and below <paramref name="cut"/>.</summary>
    private static (double Sum, long Count) SumMovingRanges(ReadOnlySpan<double> values, double cut)
    {
        var width = Vector<double>.Count;
        var sums = Vector<double>.Zero;
        var counts = Vector<long>.Zero;
        var limit = new Vector<double>(cut);
        var i = 1;
        for (; i <= values.Length - width; i += width)
        {
            var range = Vector.Abs(new Vector<double>(values[i..]) - new Vector<double>(values[(i - 1)..]));
            var kept = Vector.LessThan(range, limit);
            sums += Vector.ConditionalSelect(kept, range, Vector<double>.Zero);
            counts -= kept;
        }

        var sum = Vector.Sum(sums);
        var count = Vector.Sum(counts);
        for (; i < values.Length; i++)
        {
            var range = Math.Abs(values[i] - values[i - 1]);
            if (range < cut)
            {
                sum += range;
                count++;
            }
        }

        return (sum, count);
    }

    internal static Assurance Assess(SpcOptions options, double lower, double upper)
    {
        if (options.Target is not { } target || options.ImprovementDirection == ImprovementDirection.Neutral)
        {
            return Assurance.NotApplicable;
        }

        var increasing = options.ImprovementDirection == ImprovementDirection.Increase;
        if (target > upper)
        {
            return increasing ? Assurance.ConsistentFail : Assurance.ConsistentPass;
        }

        if (target < lower)
        {
            return increasing ? Assurance.ConsistentPass : Assurance.ConsistentFail;
        }

        return Assurance.Inconsistent;
    }

    /// <summary>
    /// Forward pass, written without data-dependent branches (noisy series would mispredict them): side of the mean,
    /// beyond a limit or in the outer third, and where rising, falling and same-side runs reach their lengths.
    /// Comparisons with NaN are false, so a missing value is on neither side and resets every run.
    /// </summary>
    private static void MarkPoints<TLimits>(ReadOnlySpan<double> values, double mean, TLimits limits, SpcOptions options, Span<byte> flags, Span<sbyte> sides)
        where TLimits : struct, IPointLimits
    {
        var n = values.Length;
        var trendSteps = options.TrendLength - 1;
        var shiftLength = options.ShiftLength;
        int rising = 0, falling = 0, sameSide = 0, previousSide = 0;
        var previous = double.NaN;
        for (var i = 0; i < n; i++)
        {
            var y = values[i];
            var side = (y > mean ? 1 : 0) - (y < mean ? 1 : 0);
            var outside = (y > limits.Upper(i) ? 1 : 0) | (y < limits.Lower(i) ? 1 : 0);
            var close = ((y > limits.NearUpper(i) ? 1 : 0) | (y < limits.NearLower(i) ? 1 : 0)) & (outside ^ 1);
            rising = (rising + 1) * (y > previous ? 1 : 0);
            falling = (falling + 1) * (y < previous ? 1 : 0);
            var trendEnd = (rising >= trendSteps ? 1 : 0) | (falling >= trendSteps ? 1 : 0);
            sameSide = (side != 0 ? 1 : 0) * (((side == previousSide ? 1 : 0) * sameSide) + 1);
            var shiftEnd = sameSide >= shiftLength ? 1 : 0;
            flags[i] = (byte)((outside * Outside) | (close * Close) | (trendEnd * TrendEnd) | (shiftEnd * ShiftEnd));
            sides[i] = (sbyte)side;
            previousSide = side;
            previous = y;
        }
    }

    /// <summary>
    /// Walks backwards: marks every point of each qualifying run (all run ends are known from the forward pass), and
    /// classes each point once its right neighbour is final.
    /// </summary>
    private static void MarkRunsAndClassify(
        ReadOnlySpan<double> values,
        SpcOptions options,
        Span<byte> flags,
        Span<sbyte> sides,
        Span<PointType> pointTypes,
        Span<SpecialCauseRule> rules)
    {
        var n = values.Length;
        int trendLeft = 0, shiftLeft = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            var f = flags[i];
            if ((f & TrendEnd) != 0)
            {
                trendLeft = options.TrendLength;
            }

            if ((f & ShiftEnd) != 0)
            {
                shiftLeft = options.ShiftLength;
            }

            if (trendLeft > 0)
            {
                f |= TrendPart;
                trendLeft--;
            }

            if (shiftLeft > 0)
            {
                f |= ShiftPart;
                shiftLeft--;
            }

            flags[i] = f;
            if (f == 0)
            {
                rules[i] = SpecialCauseRule.None;
                pointTypes[i] = PointType.CommonCause;
                continue;
            }

            Classify(values, options, flags, sides, i, pointTypes, rules);
        }
    }

    private static bool TwoInThreeWindow(Span<byte> flags, Span<sbyte> sides, int start)
    {
        if (start < 0 || start + 2 >= flags.Length)
        {
            return false;
        }

        var side = sides[start] + sides[start + 1] + sides[start + 2];
        var close = (flags[start] & Close) + (flags[start + 1] & Close) + (flags[start + 2] & Close);
        return (side == 3 || side == -3) && close >= 2 * Close;
    }

    private static void Classify(
        ReadOnlySpan<double> values,
        SpcOptions options,
        Span<byte> flags,
        Span<sbyte> sides,
        int i,
        Span<PointType> pointTypes,
        Span<SpecialCauseRule> rules)
    {
        var n = values.Length;
        var f = flags[i];
        SpecialCauseRule rule;
        int direction;
        if ((f & Outside) != 0)
        {
            rule = SpecialCauseRule.OutsideLimits;
            direction = sides[i] == 1 ? 1 : -1;
        }
        else if ((f & TrendPart) != 0)
        {
            rule = SpecialCauseRule.Trend;
            var step = i + 1 < n && (flags[i + 1] & TrendPart) != 0
                ? values[i + 1] - values[i]
                : i > 0 ? values[i] - values[i - 1] : 0;
            direction = step > 0 ? 1 : -1;
        }
        else if ((f & Close) != 0 && (TwoInThreeWindow(flags, sides, i - 2) || TwoInThreeWindow(flags, sides, i - 1) || TwoInThreeWindow(flags, sides, i)))
        {
            rule = SpecialCauseRule.TwoInThree;
            direction = sides[i] > 0 ? 1 : -1;
        }
        else if ((f & ShiftPart) != 0)
        {
            rule = SpecialCauseRule.Shift;
            direction = sides[i] > 0 ? 1 : -1;
        }
        else
        {
            rules[i] = SpecialCauseRule.None;
            pointTypes[i] = PointType.CommonCause;
            return;
        }

        rules[i] = rule;
        pointTypes[i] = options.ImprovementDirection switch
        {
            ImprovementDirection.Neutral => direction > 0 ? PointType.SpecialCauseNeutralHigh : PointType.SpecialCauseNeutralLow,
            ImprovementDirection.Increase => direction > 0 ? PointType.SpecialCauseImprovement : PointType.SpecialCauseConcern,
            _ => direction < 0 ? PointType.SpecialCauseImprovement : PointType.SpecialCauseConcern,
        };
    }
}
