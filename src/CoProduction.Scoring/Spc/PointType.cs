namespace CoProduction.Scoring;

/// <summary>How a point of an XmR chart is classed (the Making Data Count variation icons).</summary>
public enum PointType : byte
{
    /// <summary>No special-cause rule applies (or the value is missing).</summary>
    CommonCause,

    /// <summary>A special cause in the improvement direction.</summary>
    SpecialCauseImprovement,

    /// <summary>A special cause against the improvement direction.</summary>
    SpecialCauseConcern,

    /// <summary>A special cause upwards when the improvement direction is neutral.</summary>
    SpecialCauseNeutralHigh,

    /// <summary>A special cause downwards when the improvement direction is neutral.</summary>
    SpecialCauseNeutralLow,
}
