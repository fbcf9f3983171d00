using CoProduction.Primitives;

namespace CoProduction.Programmes.Readiness;

/// <summary>Identifies an organisation's infrastructure readiness self-assessment.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct ReadinessAssessmentId(Guid Value) : ITypedId<ReadinessAssessmentId>
{
    /// <inheritdoc />
    public static ReadinessAssessmentId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static ReadinessAssessmentId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
