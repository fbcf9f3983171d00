namespace CoProduction.Reporting;

/// <summary>The kind of statistical process control chart an <see cref="SpcChart"/> draws.</summary>
public enum SpcChartKind
{
    /// <summary>An XmR (individuals) chart: limits from the mean moving range, the same for every point of a segment.</summary>
    XmR,

    /// <summary>A p chart: proportions with a denominator per point, so the limits vary from point to point.</summary>
    P,

    /// <summary>Laney's p' chart: a p chart whose limits are widened or narrowed by the observed spread between points, for large denominators.</summary>
    LaneyPPrime,
}
