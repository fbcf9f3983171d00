namespace CoProduction.Primitives;

/// <summary>
/// Tells stores which organisation the current operation acts for. Stores return only that organisation's data and
/// refuse to save another's.
/// </summary>
/// <remarks>
/// The default implementation, <see cref="OrganisationContext"/>, is scoped: set it once per request or unit of work
/// (for example from the signed-in user's claims), or give a single-organisation application a default with
/// <see cref="CoProductionOptions.OrganisationId"/>. Replace it with your own by registering
/// <see cref="IOrganisationContext"/> before calling <c>AddCoProduction</c>.
/// </remarks>
public interface IOrganisationContext
{
    /// <summary>Gets the organisation the current operation acts for.</summary>
    /// <exception cref="InvalidOperationException">No organisation has been set.</exception>
    OrganisationId CurrentOrganisationId { get; }
}

/// <summary>The default, settable <see cref="IOrganisationContext"/>, registered per DI scope.</summary>
public sealed class OrganisationContext : IOrganisationContext
{
    private OrganisationId? _current;

    /// <summary>Initialises the context with the configured default organisation, if any.</summary>
    /// <param name="options">The library's options.</param>
    public OrganisationContext(Microsoft.Extensions.Options.IOptions<CoProductionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.OrganisationId;
        _current = configured is { } id && id != Guid.Empty ? new OrganisationId(id) : null;
    }

    /// <inheritdoc />
    public OrganisationId CurrentOrganisationId => _current ?? throw new InvalidOperationException(
        "No current organisation is set. Call OrganisationContext.SetCurrent(organisationId) at the start of the request or unit of work, or set CoProductionOptions.OrganisationId for a single-organisation application.");

    /// <summary>Sets the organisation the rest of this scope acts for.</summary>
    /// <param name="organisationId">The organisation.</param>
    public void SetCurrent(OrganisationId organisationId)
    {
        if (organisationId.Value == Guid.Empty)
        {
            throw new ArgumentException("The organisation id is empty.", nameof(organisationId));
        }

        _current = organisationId;
    }
}
