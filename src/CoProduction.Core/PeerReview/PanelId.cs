using CoProduction.Primitives;

namespace CoProduction.PeerReview;

/// <summary>Identifies a patient improvement peer review panel.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct PanelId(Guid Value) : ITypedId<PanelId>
{
    /// <inheritdoc />
    public static PanelId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static PanelId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
