namespace CoProduction.Scoring;

/// <summary>Which way a measure improves, which turns a special cause into improvement or concern.</summary>
public enum ImprovementDirection
{
    /// <summary>Higher values are better (the NHSRplotthedots default).</summary>
    Increase,

    /// <summary>Lower values are better.</summary>
    Decrease,

    /// <summary>Neither direction is better: special causes are reported as neutral high or neutral low.</summary>
    Neutral,
}
