using CoProduction.Primitives;

namespace CoProduction.Involvement.Assessments;

/// <summary>Identifies an involvement assessment.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct AssessmentId(Guid Value) : ITypedId<AssessmentId>
{
    /// <inheritdoc />
    public static AssessmentId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static AssessmentId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
