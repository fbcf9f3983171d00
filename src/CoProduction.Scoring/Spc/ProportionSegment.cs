namespace CoProduction.Scoring;

/// <summary>A stretch of a proportion chart between rebase points, with its own centre line.</summary>
/// <param name="Start">Index of the segment's first point.</param>
/// <param name="Length">Number of points in the segment.</param>
/// <param name="CentreLine">p-bar: the sum of the numerators over the sum of the denominators of the segment's baseline.</param>
/// <param name="SigmaZ">
/// Laney's sigma_z (mean moving range of the z-scores / 1.128) for a p' chart; 1 for a p chart. <see cref="double.NaN"/>
/// when the z-scores have no moving range (fewer than two consecutive points, or p-bar is 0 or 1).
/// </param>
public readonly record struct ProportionSegment(int Start, int Length, double CentreLine, double SigmaZ);
