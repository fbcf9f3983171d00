namespace CoProduction.Scoring;

/// <summary>The outcome of an XmR (individuals and moving range) analysis.</summary>
public sealed class XmRResult
{
    private readonly PointType[] _pointTypes;
    private readonly SpecialCauseRule[] _rules;

    private readonly XmRSegment[] _segments;

    internal XmRResult(XmRSegment[] segments, PointType[] pointTypes, SpecialCauseRule[] rules)
    {
        _segments = segments;
        Limits = segments[^1].Limits;
        _pointTypes = pointTypes;
        _rules = rules;
    }

    /// <summary>
    /// The centre line and limits of the current process: those of the last segment when the chart is rebased
    /// (<see cref="SpcOptions.RebaseAt"/>), else of the whole series.
    /// </summary>
    public XmRLimits Limits { get; }

    /// <summary>Every segment between rebase points with its limits, in time order (one segment without rebase).</summary>
    public IReadOnlyList<XmRSegment> Segments => _segments;

    /// <summary>The limits that apply at point <paramref name="index"/> (those of the segment holding it).</summary>
    /// <param name="index">A point's index in the series.</param>
    /// <returns>The segment's centre line, limits and assurance.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the series.</exception>
    public XmRLimits LimitsAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _pointTypes.Length);
        foreach (var segment in _segments)
        {
            if (index < segment.Start + segment.Length)
            {
                return segment.Limits;
            }
        }

        return Limits;
    }

    /// <summary>The mean (centre line).</summary>
    public double Mean => Limits.Mean;

    /// <summary>The lower process limit, mean - 2.66 x mean moving range.</summary>
    public double LowerProcessLimit => Limits.LowerProcessLimit;

    /// <summary>The upper process limit, mean + 2.66 x mean moving range.</summary>
    public double UpperProcessLimit => Limits.UpperProcessLimit;

    /// <summary>
    /// Assurance against the target from the current limits (<see cref="Assurance.NotApplicable"/> without a target or
    /// when neutral).
    /// </summary>
    public Assurance Assurance => Limits.Assurance;

    /// <summary>The class of each point, in input order.</summary>
    public IReadOnlyList<PointType> PointTypes => _pointTypes;

    /// <summary>The rule behind each point's class, in input order.</summary>
    public IReadOnlyList<SpecialCauseRule> Rules => _rules;
}
