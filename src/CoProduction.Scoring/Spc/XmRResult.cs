namespace CoProduction.Scoring;

/// <summary>The outcome of an XmR (individuals and moving range) analysis.</summary>
public sealed class XmRResult
{
    private readonly PointType[] _pointTypes;
    private readonly SpecialCauseRule[] _rules;

    internal XmRResult(XmRLimits limits, PointType[] pointTypes, SpecialCauseRule[] rules)
    {
        Limits = limits;
        _pointTypes = pointTypes;
        _rules = rules;
    }

    /// <summary>The centre line and limits.</summary>
    public XmRLimits Limits { get; }

    /// <summary>The mean (centre line).</summary>
    public double Mean => Limits.Mean;

    /// <summary>The lower process limit, mean - 2.66 x mean moving range.</summary>
    public double LowerProcessLimit => Limits.LowerProcessLimit;

    /// <summary>The upper process limit, mean + 2.66 x mean moving range.</summary>
    public double UpperProcessLimit => Limits.UpperProcessLimit;

    /// <summary>Assurance against the target (<see cref="Assurance.NotApplicable"/> without a target or when neutral).</summary>
    public Assurance Assurance => Limits.Assurance;

    /// <summary>The class of each point, in input order.</summary>
    public IReadOnlyList<PointType> PointTypes => _pointTypes;

    /// <summary>The rule behind each point's class, in input order.</summary>
    public IReadOnlyList<SpecialCauseRule> Rules => _rules;
}
