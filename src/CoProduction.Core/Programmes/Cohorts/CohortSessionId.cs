using CoProduction.Primitives;

namespace CoProduction.Programmes.Cohorts;

/// <summary>Identifies a session of a cohort.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct CohortSessionId(Guid Value) : ITypedId<CohortSessionId>
{
    /// <inheritdoc />
    public static CohortSessionId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static CohortSessionId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
