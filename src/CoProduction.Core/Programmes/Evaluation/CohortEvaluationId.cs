using CoProduction.Primitives;

namespace CoProduction.Programmes.Evaluation;

/// <summary>Identifies the before-and-after evaluation of one cohort.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct CohortEvaluationId(Guid Value) : ITypedId<CohortEvaluationId>
{
    /// <inheritdoc />
    public static CohortEvaluationId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static CohortEvaluationId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
