using CoProduction.Primitives;

namespace CoProduction.PeerReview;

/// <summary>Identifies one recommendation in a panel's feedback.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct RecommendationId(Guid Value) : ITypedId<RecommendationId>
{
    /// <inheritdoc />
    public static RecommendationId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static RecommendationId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
