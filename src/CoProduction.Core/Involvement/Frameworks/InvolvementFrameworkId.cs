using CoProduction.Primitives;

namespace CoProduction.Involvement.Frameworks;

/// <summary>Identifies an involvement framework owned by an organisation.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct InvolvementFrameworkId(Guid Value) : ITypedId<InvolvementFrameworkId>
{
    /// <inheritdoc />
    public static InvolvementFrameworkId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static InvolvementFrameworkId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
