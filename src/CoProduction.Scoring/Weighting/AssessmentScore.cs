namespace CoProduction.Scoring;

/// <summary>The scores of one assessment.</summary>
/// <param name="StandardScores">Per standard: the weighted mean of its rated indicators, or NaN when none was rated.</param>
/// <param name="Overall">The weighted mean of the scored standards, or NaN when no standard was scored.</param>
public sealed record AssessmentScore(IReadOnlyList<double> StandardScores, double Overall);
