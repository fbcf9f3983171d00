namespace CoProduction.Scoring;

/// <summary>The outcome of a proportion (p or Laney p') chart analysis: per-point proportions, limits and classes.</summary>
public sealed class ProportionResult
{
    private readonly ProportionSegment[] _segments;
    private readonly double[] _proportions;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly double[] _nearLower;
    private readonly double[] _nearUpper;
    private readonly PointType[] _pointTypes;
    private readonly SpecialCauseRule[] _rules;

    internal ProportionResult(
        ProportionChartKind kind,
        ProportionSegment[] segments,
        double[] proportions,
        double[] lower,
        double[] upper,
        double[] nearLower,
        double[] nearUpper,
        PointType[] pointTypes,
        SpecialCauseRule[] rules,
        Assurance assurance)
    {
        Kind = kind;
        _segments = segments;
        _proportions = proportions;
        _lower = lower;
        _upper = upper;
        _nearLower = nearLower;
        _nearUpper = nearUpper;
        _pointTypes = pointTypes;
        _rules = rules;
        Assurance = assurance;
    }

    /// <summary>Which limits were used.</summary>
    public ProportionChartKind Kind { get; }

    /// <summary>The centre line of the current process (the last segment's p-bar).</summary>
    public double CentreLine => _segments[^1].CentreLine;

    /// <summary>
    /// Assurance against the target from the limits at the last point with a denominator
    /// (<see cref="Assurance.NotApplicable"/> without a target or when neutral).
    /// </summary>
    public Assurance Assurance { get; }

    /// <summary>Every segment between rebase points, in time order (one segment without rebase).</summary>
    public IReadOnlyList<ProportionSegment> Segments => _segments;

    /// <summary>Each point's proportion x_i / n_i; <see cref="double.NaN"/> where the denominator is zero (missing).</summary>
    public IReadOnlyList<double> Proportions => _proportions;

    /// <summary>Each point's lower process limit, p-bar - 3 sigma_i (x sigma_z for p'), never below 0.</summary>
    public IReadOnlyList<double> LowerProcessLimits => _lower;

    /// <summary>Each point's upper process limit, p-bar + 3 sigma_i (x sigma_z for p'), never above 1.</summary>
    public IReadOnlyList<double> UpperProcessLimits => _upper;

    /// <summary>Each point's lower outer-third boundary, p-bar - 2 sigma_i (x sigma_z for p'), not clamped.</summary>
    public IReadOnlyList<double> NearLowerLimits => _nearLower;

    /// <summary>Each point's upper outer-third boundary, p-bar + 2 sigma_i (x sigma_z for p'), not clamped.</summary>
    public IReadOnlyList<double> NearUpperLimits => _nearUpper;

    /// <summary>The class of each point, in input order.</summary>
    public IReadOnlyList<PointType> PointTypes => _pointTypes;

    /// <summary>The rule behind each point's class, in input order.</summary>
    public IReadOnlyList<SpecialCauseRule> Rules => _rules;

    /// <summary>The centre line that applies at point <paramref name="index"/> (that of the segment holding it).</summary>
    /// <param name="index">A point's index in the series.</param>
    /// <returns>The segment's p-bar.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the series.</exception>
    public double CentreLineAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _proportions.Length);
        foreach (var segment in _segments)
        {
            if (index < segment.Start + segment.Length)
            {
                return segment.CentreLine;
            }
        }

        return CentreLine;
    }
}
