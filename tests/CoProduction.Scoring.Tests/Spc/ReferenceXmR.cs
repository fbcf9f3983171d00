namespace CoProduction.Scoring.Tests;

/// <summary>
/// A literal, window-by-window transcription of the Making Data Count rules as NHSRplotthedots describes them
/// (padding and windows rather than running counters), for property tests. Missing values: not above or below the
/// mean, never near or beyond a limit, and any difference with them is not a rise or a fall.
/// </summary>
internal static class ReferenceXmR
{
    public static (double Mean, double Lower, double Upper, PointType[] Types) Analyse(double[] y, SpcOptions options)
    {
        var n = y.Length;
        var present = y.Where(v => !double.IsNaN(v)).ToArray();
        var mean = present.Length == 0 ? double.NaN : present.Average();
        var ranges = Enumerable.Range(1, Math.Max(0, n - 1)).Select(i => Math.Abs(y[i] - y[i - 1])).Where(r => !double.IsNaN(r)).ToList();
        var meanRange = ranges.Count == 0 ? double.NaN : ranges.Average();
        if (options.ScreenOutliers)
        {
            var kept = ranges.Where(r => r < 3.267 * meanRange).ToList();
            meanRange = kept.Count == 0 ? double.NaN : kept.Average();
        }

        var lower = mean - (2.66 * meanRange);
        var upper = mean + (2.66 * meanRange);
        var nearLower = mean - (2 * (2.66 / 3) * meanRange);
        var nearUpper = mean + (2 * (2.66 / 3) * meanRange);
        var types = Classify(y, mean, [.. y.Select(_ => lower)], [.. y.Select(_ => upper)], [.. y.Select(_ => nearLower)], [.. y.Select(_ => nearUpper)], options);
        return (mean, lower, upper, types);
    }

    /// <summary>The rules with given limits at each point (a p chart's limits vary with the denominator).</summary>
    public static PointType[] Classify(double[] y, double mean, double[] lower, double[] upper, double[] nearLower, double[] nearUpper, SpcOptions options)
    {
        var n = y.Length;
        var outside = y.Select((v, i) => v > upper[i] || v < lower[i]).ToArray();
        var side = y.Select(v => double.IsNaN(v) ? 0 : Math.Sign(v - mean)).ToArray();
        var close = y.Select((v, i) => !outside[i] && (v < nearLower[i] || v > nearUpper[i])).ToArray();

        var trendLength = options.TrendLength;
        var trendEnd = new int[n];
        for (var i = trendLength - 1; i < n; i++)
        {
            var steps = Enumerable.Range(i - trendLength + 2, trendLength - 1).Select(j => y[j] > y[j - 1] ? 1 : y[j] < y[j - 1] ? -1 : 0).ToList();
            trendEnd[i] = steps.All(s => s == 1) ? 1 : steps.All(s => s == -1) ? -1 : 0;
        }

        var trendPart = Enumerable.Range(0, n).Select(i => Enumerable.Range(i, trendLength).Any(j => j < n && trendEnd[j] != 0)).ToArray();

        bool Window(int start) =>
            start >= 0 && start + 2 < n
            && Enumerable.Range(start, 3).Count(j => close[j]) >= 2
            && Math.Abs(Enumerable.Range(start, 3).Sum(j => side[j])) == 3;
        var twoInThree = Enumerable.Range(0, n).Select(i => close[i] && (Window(i - 2) || Window(i - 1) || Window(i))).ToArray();

        var shiftLength = options.ShiftLength;
        var shiftEnd = Enumerable.Range(0, n)
            .Select(i => i >= shiftLength - 1 && side[i] != 0 && Enumerable.Range(i - shiftLength + 1, shiftLength).All(j => side[j] == side[i]))
            .ToArray();
        var shiftPart = Enumerable.Range(0, n).Select(i => Enumerable.Range(i, shiftLength).Any(j => j < n && shiftEnd[j])).ToArray();

        var types = new PointType[n];
        for (var i = 0; i < n; i++)
        {
            int direction;
            if (outside[i])
            {
                direction = side[i] == 1 ? 1 : -1;
            }
            else if (trendPart[i])
            {
                var useRight = i + 1 < n && trendPart[i + 1];
                var step = useRight ? Math.Sign(y[i + 1] - y[i]) : i > 0 ? Math.Sign(y[i] - y[i - 1]) : 0;
                direction = step == 1 ? 1 : -1;
            }
            else if (twoInThree[i] || shiftPart[i])
            {
                direction = side[i] > 0 ? 1 : -1;
            }
            else
            {
                types[i] = PointType.CommonCause;
                continue;
            }

            types[i] = options.ImprovementDirection switch
            {
                ImprovementDirection.Neutral => direction > 0 ? PointType.SpecialCauseNeutralHigh : PointType.SpecialCauseNeutralLow,
                ImprovementDirection.Increase => direction > 0 ? PointType.SpecialCauseImprovement : PointType.SpecialCauseConcern,
                _ => direction < 0 ? PointType.SpecialCauseImprovement : PointType.SpecialCauseConcern,
            };
        }

        return types;
    }
}
