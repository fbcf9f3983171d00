namespace CoProduction.Scoring;

/// <summary>An estimate with a two-sided confidence interval.</summary>
/// <param name="Estimate">The point estimate.</param>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="Confidence">The confidence level, for example 0.95.</param>
public readonly record struct ConfidenceInterval(double Estimate, double Lower, double Upper, double Confidence);
