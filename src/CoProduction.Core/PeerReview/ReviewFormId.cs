using CoProduction.Primitives;

namespace CoProduction.PeerReview;

/// <summary>Identifies a version of a panel's review form.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct ReviewFormId(Guid Value) : ITypedId<ReviewFormId>
{
    /// <inheritdoc />
    public static ReviewFormId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static ReviewFormId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
