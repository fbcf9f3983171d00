namespace CoProduction.Scoring;

/// <summary>The centre line and limits of an XmR chart.</summary>
/// <param name="Mean">The mean of the (baseline) values, missing values left out.</param>
/// <param name="MeanMovingRange">The mean moving range after any screening.</param>
/// <param name="LowerProcessLimit">Mean - 2.66 x mean moving range.</param>
/// <param name="UpperProcessLimit">Mean + 2.66 x mean moving range.</param>
/// <param name="NearLowerLimit">Mean - (2/3 x 2.66) x mean moving range: below it a point is in the lower outer third.</param>
/// <param name="NearUpperLimit">Mean + (2/3 x 2.66) x mean moving range: above it a point is in the upper outer third.</param>
/// <param name="Assurance">Assurance against the target in the options.</param>
public readonly record struct XmRLimits(
    double Mean,
    double MeanMovingRange,
    double LowerProcessLimit,
    double UpperProcessLimit,
    double NearLowerLimit,
    double NearUpperLimit,
    Assurance Assurance);
