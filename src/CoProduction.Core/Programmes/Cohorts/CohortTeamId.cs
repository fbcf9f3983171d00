using CoProduction.Primitives;

namespace CoProduction.Programmes.Cohorts;

/// <summary>Identifies an improvement team enrolled in a cohort.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct CohortTeamId(Guid Value) : ITypedId<CohortTeamId>
{
    /// <inheritdoc />
    public static CohortTeamId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static CohortTeamId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
