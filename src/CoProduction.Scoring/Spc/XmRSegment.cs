namespace CoProduction.Scoring;

/// <summary>A stretch of an XmR chart between rebase points, with its own limits.</summary>
/// <param name="Start">Index of the segment's first point.</param>
/// <param name="Length">Number of points in the segment.</param>
/// <param name="Limits">The centre line, limits and assurance computed from this segment alone.</param>
public readonly record struct XmRSegment(int Start, int Length, XmRLimits Limits);
