namespace CoProduction.Scoring;

/// <summary>Krippendorff's alpha for one criterion across a set of reviews.</summary>
/// <typeparam name="TCriterion">The criterion's key.</typeparam>
public sealed record CriterionAgreement<TCriterion>
    where TCriterion : notnull
{
    /// <summary>The criterion.</summary>
    public required TCriterion Criterion { get; init; }

    /// <summary>The criterion's level of measurement, which chose the difference function.</summary>
    public required MeasurementLevel Level { get; init; }

    /// <summary>Alpha; <see cref="double.NaN"/> when no unit has two ratings or all pairable ratings are equal.</summary>
    public required double Alpha { get; init; }

    /// <summary>How many units have at least two ratings on this criterion (the units alpha is computed from).</summary>
    public required int PairableUnits { get; init; }

    /// <summary>How many ratings those units hold (n in Krippendorff's notation).</summary>
    public required int PairableValues { get; init; }

    /// <summary>How many distinct coders rated this criterion.</summary>
    public required int Coders { get; init; }
}
