namespace CoProduction.Primitives;

/// <summary>Identifies an organisation (an NHS trust, a region or a partner body) that owns data in the library.</summary>
/// <param name="Value">The underlying identifier; never <see cref="Guid.Empty"/>.</param>
/// <remarks>Every aggregate belongs to exactly one organisation, and stores return only the current organisation's data.</remarks>
public readonly record struct OrganisationId(Guid Value) : ITypedId<OrganisationId>
{
    /// <summary>Creates a new, unique organisation id.</summary>
    /// <returns>A fresh id.</returns>
    public static OrganisationId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form, as produced by <see cref="ToString"/>.</summary>
    /// <param name="value">A GUID in any format <see cref="Guid.Parse(string)"/> accepts.</param>
    /// <returns>The id.</returns>
    public static OrganisationId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
