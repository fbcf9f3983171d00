using CoProduction.Primitives;

namespace CoProduction.PeerReview;

/// <summary>Identifies an improvement project's submission to a peer review panel (all of its rounds).</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct ReviewSubmissionId(Guid Value) : ITypedId<ReviewSubmissionId>
{
    /// <inheritdoc />
    public static ReviewSubmissionId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static ReviewSubmissionId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
