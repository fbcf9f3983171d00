namespace CoProduction.Scoring;

/// <summary>The special-cause rule that classed a point, in order of precedence (the first that applies wins).</summary>
public enum SpecialCauseRule : byte
{
    /// <summary>No rule applies: common cause.</summary>
    None,

    /// <summary>The point lies beyond a process limit.</summary>
    OutsideLimits,

    /// <summary>The point is part of a run of strictly rising or strictly falling points (7 by default).</summary>
    Trend,

    /// <summary>The point is in the outer third and part of 2 of 3 consecutive outer-third points on one side of the mean.</summary>
    TwoInThree,

    /// <summary>The point is part of a run of points on one side of the mean (7 by default).</summary>
    Shift,
}
