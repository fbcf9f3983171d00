using CoProduction.Primitives;

namespace CoProduction.Payments;

/// <summary>Identifies an involvement activity: time a participant gave to a session, meeting or piece of work.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct InvolvementActivityId(Guid Value) : ITypedId<InvolvementActivityId>
{
    /// <inheritdoc />
    public static InvolvementActivityId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static InvolvementActivityId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
