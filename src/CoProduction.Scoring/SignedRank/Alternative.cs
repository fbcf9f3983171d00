namespace CoProduction.Scoring;

/// <summary>The alternative hypothesis of a test about the location of the differences x - y.</summary>
public enum Alternative
{
    /// <summary>The differences are not centred on zero.</summary>
    TwoSided,

    /// <summary>The differences are centred above zero (x tends to exceed y).</summary>
    Greater,

    /// <summary>The differences are centred below zero (x tends to fall short of y).</summary>
    Less,
}
