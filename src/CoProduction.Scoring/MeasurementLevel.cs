namespace CoProduction.Scoring;

/// <summary>The level of measurement of ratings, which decides how disagreement between two values is weighed.</summary>
public enum MeasurementLevel
{
    /// <summary>Categories with no order: any two different values disagree equally.</summary>
    Nominal,

    /// <summary>Ordered categories: disagreement grows with the number of values ranked between the two.</summary>
    Ordinal,

    /// <summary>Equal intervals: disagreement is the squared difference.</summary>
    Interval,

    /// <summary>Equal intervals with a true zero: disagreement is the squared difference relative to the sum.</summary>
    Ratio,
}
