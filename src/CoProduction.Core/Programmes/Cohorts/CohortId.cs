using CoProduction.Primitives;

namespace CoProduction.Programmes.Cohorts;

/// <summary>Identifies a cohort: one run of a programme, on one curriculum version.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct CohortId(Guid Value) : ITypedId<CohortId>
{
    /// <inheritdoc />
    public static CohortId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static CohortId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
