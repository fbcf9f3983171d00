using CoProduction.Primitives;

namespace CoProduction.PeerReview;

/// <summary>Identifies a conflict of interest recorded at a panel meeting.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct ConflictOfInterestId(Guid Value) : ITypedId<ConflictOfInterestId>
{
    /// <inheritdoc />
    public static ConflictOfInterestId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static ConflictOfInterestId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
