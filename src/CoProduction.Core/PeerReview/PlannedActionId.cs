using CoProduction.Primitives;

namespace CoProduction.PeerReview;

/// <summary>Identifies one action in a team's action plan.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct PlannedActionId(Guid Value) : ITypedId<PlannedActionId>
{
    /// <inheritdoc />
    public static PlannedActionId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static PlannedActionId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
