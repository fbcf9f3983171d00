namespace CoProduction.Scoring;

/// <summary>
/// Options for <see cref="XmRChart.Analyse(ReadOnlySpan{double}, SpcOptions?)"/> and
/// <see cref="ProportionChart.Analyse(ReadOnlySpan{int}, ReadOnlySpan{int}, ProportionChartKind, SpcOptions?)"/>.
/// </summary>
public sealed class SpcOptions
{
    /// <summary>The smallest run length accepted for trends and shifts.</summary>
    public const int MinimumRunLength = 3;

    /// <summary>The largest run length accepted for trends and shifts.</summary>
    public const int MaximumRunLength = 50;

    /// <summary>
    /// Whether moving ranges at or above 3.267 x their mean are left out before the mean moving range is recomputed
    /// (NHSRplotthedots' default). The NHS England Excel tool does not screen.
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool ScreenOutliers { get; init; } = true;

    /// <summary>Which way the measure improves.</summary>
    /// <value>Defaults to <see cref="ImprovementDirection.Increase"/>, as in NHSRplotthedots.</value>
    public ImprovementDirection ImprovementDirection { get; init; } = ImprovementDirection.Increase;

    /// <summary>An optional target, which decides <see cref="XmRResult.Assurance"/>; must be finite when given.</summary>
    /// <value>Defaults to no target.</value>
    public double? Target { get; init; }

    /// <summary>How many consecutive strictly rising (or falling) points make a trend.</summary>
    /// <value>Defaults to 7; Making Data Count users also ask for 6.</value>
    public int TrendLength { get; init; } = 7;

    /// <summary>How many consecutive points on the same side of the mean make a shift.</summary>
    /// <value>Defaults to 7; Making Data Count users also ask for 6.</value>
    public int ShiftLength { get; init; } = 7;

    /// <summary>
    /// When set, the mean and limits are computed from the first this-many points only (NHSRplotthedots'
    /// <c>fix_after_n_points</c>); the rules still apply to every point.
    /// </summary>
    /// <value>Defaults to all points.</value>
    public int? BaselineLength { get; init; }

    /// <summary>
    /// Indices of the points from which the limits are recalculated (NHSRplotthedots' <c>rebase</c>), for example the
    /// first month after a change was introduced. Each segment between rebase points gets its own centre line and
    /// limits, computed from its own points (or its first <see cref="BaselineLength"/> points), and the rules apply
    /// within each segment. Indices must be strictly increasing and between 1 and the number of points - 1.
    /// </summary>
    /// <value>Defaults to none: one set of limits for the whole series.</value>
    public IReadOnlyList<int>? RebaseAt { get; init; }

    internal static SpcOptions Default { get; } = new();

    internal int SegmentCount => (RebaseAt?.Count ?? 0) + 1;

    /// <summary>Start and length of segment <paramref name="g"/> of a series of <paramref name="count"/> points.</summary>
    internal (int Start, int Length) Segment(int g, int count)
    {
        var start = g == 0 ? 0 : RebaseAt![g - 1];
        var end = RebaseAt is { } rebase && g < rebase.Count ? rebase[g] : count;
        return (start, end - start);
    }

    internal void ValidateRebase(int count, string paramName)
    {
        if (RebaseAt is not { } rebase)
        {
            return;
        }

        var previous = 0;
        for (var g = 0; g < rebase.Count; g++)
        {
            if (rebase[g] <= previous || rebase[g] >= count)
            {
                throw new ArgumentException(
                    $"RebaseAt[{g}] is {rebase[g]}, but rebase points must be strictly increasing and between 1 and {count - 1} (the series has {count} points).",
                    paramName);
            }

            previous = rebase[g];
        }
    }

    internal void Validate(string paramName)
    {
        if (TrendLength is < MinimumRunLength or > MaximumRunLength)
        {
            throw new ArgumentException($"TrendLength must be between {MinimumRunLength} and {MaximumRunLength}, but is {TrendLength}.", paramName);
        }

        if (ShiftLength is < MinimumRunLength or > MaximumRunLength)
        {
            throw new ArgumentException($"ShiftLength must be between {MinimumRunLength} and {MaximumRunLength}, but is {ShiftLength}.", paramName);
        }

        if (Target is { } target && !double.IsFinite(target))
        {
            throw new ArgumentException($"Target must be a finite number, but is {target}.", paramName);
        }

        if (BaselineLength is < 2)
        {
            throw new ArgumentException($"BaselineLength must be at least 2 points, but is {BaselineLength}.", paramName);
        }

        if (!Enum.IsDefined(ImprovementDirection))
        {
            throw new ArgumentException($"Unknown improvement direction {ImprovementDirection}.", paramName);
        }
    }
}
