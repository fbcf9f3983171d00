using Ardalis.GuardClauses;
using CoProduction.Primitives;

namespace CoProduction.Involvement.Frameworks;

/// <summary>
/// Use cases about an organisation's involvement frameworks: adopt presets, import the trust's own JSON (nothing is
/// saved when it has faults), edit drafts, publish, revise and export.
/// </summary>
public sealed class InvolvementFrameworkService
{
    private readonly IInvolvementFrameworkStore _frameworks;
    private readonly IOrganisationContext _organisation;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the service.</summary>
    /// <param name="frameworks">The framework store.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="clock">The clock.</param>
    public InvolvementFrameworkService(IInvolvementFrameworkStore frameworks, IOrganisationContext organisation, TimeProvider clock)
    {
        _frameworks = Guard.Against.Null(frameworks);
        _organisation = Guard.Against.Null(organisation);
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>Copies presets into a new draft framework of the current organisation and saves it.</summary>
    /// <param name="key">The framework's key.</param>
    /// <param name="name">Its name.</param>
    /// <param name="frameworkVersion">The version of its content.</param>
    /// <param name="parts">The presets to copy (at most one ladder and one life cycle).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved draft.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The key, name or version is blank, no part is given or a part is <see langword="null"/>, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="DomainRuleViolationException">Two parts provide a ladder, or two provide a life cycle (<see cref="InvolvementErrorCodes.FrameworkPartsConflict"/>); or a framework with the same key and version already exists (<see cref="InvolvementErrorCodes.FrameworkVersionExists"/>, of kind <see cref="ErrorKind.Conflict"/>; the store keeps this rule, so of two racing calls one is refused).</exception>
    /// <exception cref="FrameworkValidationException">The combined framework has faults (such as a standard id used by two sets); the first <see cref="FrameworkValidationException.MaxReportedErrors"/> are listed with their paths and the rest counted.</exception>
    public async Task<InvolvementFramework> AdoptAsync(string key, string name, string frameworkVersion, IReadOnlyList<FrameworkDefinition> parts, CancellationToken cancellationToken)
    {
        new CommandInput().Text(key).Text(name).Text(frameworkVersion).ThrowIfInvalid();
        Guard.Against.Null(parts);
        var framework = InvolvementFramework.Adopt(_organisation.CurrentOrganisationId, key, name, frameworkVersion, parts, _clock);
        await _frameworks.AddAsync(framework, cancellationToken).ConfigureAwait(false);
        return framework;
    }

    /// <summary>Loads the organisation's own framework from JSON and saves it as a draft. Nothing is saved when the JSON has faults.</summary>
    /// <param name="json">The framework JSON (see <see cref="FrameworkJson"/>), at most <see cref="FrameworkJson.MaxJsonLength"/> characters.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved draft.</returns>
    /// <exception cref="InvalidInputException"><paramref name="json"/> is null or blank, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="FrameworkValidationException">The text is longer than <see cref="FrameworkJson.MaxJsonLength"/> (refused unread), the JSON is malformed or the framework has faults; the first <see cref="FrameworkValidationException.MaxReportedErrors"/> are listed with their JSON paths and <see cref="FrameworkValidationException.OmittedErrorCount"/> counts the rest.</exception>
    /// <exception cref="DomainRuleViolationException">A framework with the same key and version already exists (<see cref="InvolvementErrorCodes.FrameworkVersionExists"/>, of kind <see cref="ErrorKind.Conflict"/>; the store keeps this rule, so of two racing calls one is refused).</exception>
    public async Task<InvolvementFramework> ImportAsync(string json, CancellationToken cancellationToken)
    {
        Input.Required(json);
        var framework = InvolvementFramework.Import(_organisation.CurrentOrganisationId, json, _clock);
        await _frameworks.AddAsync(framework, cancellationToken).ConfigureAwait(false);
        return framework;
    }

    /// <summary>Replaces the content of a draft framework with a definition (for example one edited as JSON).</summary>
    /// <param name="frameworkId">The draft.</param>
    /// <param name="definition">The new content.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved framework.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The framework is unknown (<see cref="InvolvementErrorCodes.FrameworkNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The framework is published (<see cref="InvolvementErrorCodes.FrameworkPublished"/>), or the definition gives it the key and version of another framework (<see cref="InvolvementErrorCodes.FrameworkVersionExists"/>, of kind <see cref="ErrorKind.Conflict"/>).</exception>
    /// <exception cref="FrameworkValidationException">The definition has faults; the first <see cref="FrameworkValidationException.MaxReportedErrors"/> are listed with their paths and the rest counted.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the framework meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<InvolvementFramework> ReviseAsync(InvolvementFrameworkId frameworkId, FrameworkDefinition definition, CancellationToken cancellationToken)
    {
        Guard.Against.Null(definition);
        return ChangeAsync(frameworkId, f => f.Revise(definition, _clock), cancellationToken);
    }

    /// <summary>Finds a framework of the current organisation.</summary>
    /// <param name="frameworkId">The framework.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The framework, or <see langword="null"/> when there is none.</returns>
    public ValueTask<InvolvementFramework?> FindAsync(InvolvementFrameworkId frameworkId, CancellationToken cancellationToken) => _frameworks.FindAsync(frameworkId, cancellationToken);

    /// <summary>Finds a framework of the current organisation by its key and version (its natural key).</summary>
    /// <param name="key">The framework's key.</param>
    /// <param name="frameworkVersion">The version.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The framework, or <see langword="null"/> when there is none.</returns>
    /// <exception cref="InvalidInputException">The key or version is blank.</exception>
    public Task<InvolvementFramework?> FindByKeyAsync(string key, string frameworkVersion, CancellationToken cancellationToken)
    {
        new CommandInput().Text(key).Text(frameworkVersion).ThrowIfInvalid();
        return _frameworks.FindByKeyAsync(key.Trim(), frameworkVersion.Trim(), cancellationToken);
    }

    /// <summary>Creates and saves a draft framework from a whole definition (a ladder, standards and a life cycle of the trust's own).</summary>
    /// <param name="definition">The content.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved draft.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">A text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="FrameworkValidationException">The definition has faults; the first <see cref="FrameworkValidationException.MaxReportedErrors"/> are listed with their paths and the rest counted.</exception>
    /// <exception cref="DomainRuleViolationException">A framework with the same key and version already exists (<see cref="InvolvementErrorCodes.FrameworkVersionExists"/>, of kind <see cref="ErrorKind.Conflict"/>; the store keeps this rule, so of two racing calls one is refused).</exception>
    public async Task<InvolvementFramework> CreateAsync(FrameworkDefinition definition, CancellationToken cancellationToken)
    {
        Guard.Against.Null(definition);
        var framework = InvolvementFramework.Create(_organisation.CurrentOrganisationId, definition, _clock);
        await _frameworks.AddAsync(framework, cancellationToken).ConfigureAwait(false);
        return framework;
    }

    /// <summary>Renames and re-describes a level of a draft framework's ladder.</summary>
    /// <param name="frameworkId">The draft.</param>
    /// <param name="levelId">The level.</param>
    /// <param name="name">The new name.</param>
    /// <param name="description">The new short description.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved framework.</returns>
    /// <exception cref="InvalidInputException">A text is blank, the id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The framework is unknown (<see cref="InvolvementErrorCodes.FrameworkNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The framework is published (<see cref="InvolvementErrorCodes.FrameworkPublished"/>), or its ladder has no such level (<see cref="InvolvementErrorCodes.UnknownLevel"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the framework meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<InvolvementFramework> ReviseLevelAsync(InvolvementFrameworkId frameworkId, string levelId, string name, string description, CancellationToken cancellationToken)
    {
        new CommandInput().Text(levelId).Text(name).Text(description).ThrowIfInvalid();
        return ChangeAsync(frameworkId, f => f.ReviseLevel(levelId, name, description, _clock), cancellationToken);
    }

    /// <summary>Changes the weight of a standard of a draft framework.</summary>
    /// <param name="frameworkId">The draft.</param>
    /// <param name="standardId">The standard.</param>
    /// <param name="weight">The new weight (zero or more; not every standard may be zero).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved framework.</returns>
    /// <exception cref="InvalidInputException">The standard id is blank, or the framework id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The framework is unknown (<see cref="InvolvementErrorCodes.FrameworkNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The framework is published (<see cref="InvolvementErrorCodes.FrameworkPublished"/>), or has no such standard (<see cref="InvolvementErrorCodes.UnknownStandard"/>).</exception>
    /// <exception cref="FrameworkValidationException">The weight is negative or not a number, or every standard's weight would be zero.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the framework meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<InvolvementFramework> ChangeStandardWeightAsync(InvolvementFrameworkId frameworkId, string standardId, double weight, CancellationToken cancellationToken)
    {
        Input.Required(standardId);
        return ChangeAsync(frameworkId, f => f.ChangeStandardWeight(standardId, weight, _clock), cancellationToken);
    }

    /// <summary>Changes the weight of an indicator of a draft framework.</summary>
    /// <param name="frameworkId">The draft.</param>
    /// <param name="indicatorId">The indicator.</param>
    /// <param name="weight">The new weight (zero or more; not every indicator of its standard may be zero).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved framework.</returns>
    /// <exception cref="InvalidInputException">The indicator id is blank, or the framework id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The framework is unknown (<see cref="InvolvementErrorCodes.FrameworkNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The framework is published (<see cref="InvolvementErrorCodes.FrameworkPublished"/>), or has no such indicator (<see cref="InvolvementErrorCodes.UnknownIndicator"/>).</exception>
    /// <exception cref="FrameworkValidationException">The weight is negative or not a number, or every indicator of its standard would weigh zero.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the framework meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<InvolvementFramework> ChangeIndicatorWeightAsync(InvolvementFrameworkId frameworkId, string indicatorId, double weight, CancellationToken cancellationToken)
    {
        Input.Required(indicatorId);
        return ChangeAsync(frameworkId, f => f.ChangeIndicatorWeight(indicatorId, weight, _clock), cancellationToken);
    }

    /// <summary>Publishes a draft so that projects and assessments can use it.</summary>
    /// <param name="frameworkId">The draft.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved framework.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The framework is unknown (<see cref="InvolvementErrorCodes.FrameworkNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The framework is already published (<see cref="InvolvementErrorCodes.FrameworkPublished"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the framework meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<InvolvementFramework> PublishAsync(InvolvementFrameworkId frameworkId, CancellationToken cancellationToken)
        => ChangeAsync(frameworkId, f => f.Publish(_clock), cancellationToken);

    /// <summary>Creates and saves a new draft revision of a framework under a new version.</summary>
    /// <param name="frameworkId">The framework to revise.</param>
    /// <param name="newVersion">The new version.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved draft revision.</returns>
    /// <exception cref="InvalidInputException">The id is empty, the new version is blank, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The framework is unknown (<see cref="InvolvementErrorCodes.FrameworkNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The new version is the framework's own (<see cref="InvolvementErrorCodes.FrameworkVersionUnchanged"/>), or a framework with the same key and version already exists (<see cref="InvolvementErrorCodes.FrameworkVersionExists"/>, of kind <see cref="ErrorKind.Conflict"/>; the store keeps this rule, so of two racing calls one is refused).</exception>
    public async Task<InvolvementFramework> CreateRevisionAsync(InvolvementFrameworkId frameworkId, string newVersion, CancellationToken cancellationToken)
    {
        new CommandInput().Id(frameworkId).Text(newVersion).ThrowIfInvalid();
        var framework = await _frameworks.RequireFrameworkAsync(frameworkId, cancellationToken).ConfigureAwait(false);
        var revision = framework.CreateRevision(newVersion, _clock);
        await _frameworks.AddAsync(revision, cancellationToken).ConfigureAwait(false);
        return revision;
    }

    /// <summary>Exports a framework as JSON, to share or to edit and import again.</summary>
    /// <param name="frameworkId">The framework.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The framework is unknown (<see cref="InvolvementErrorCodes.FrameworkNotFound"/>).</exception>
    public async Task<string> ExportJsonAsync(InvolvementFrameworkId frameworkId, CancellationToken cancellationToken)
    {
        Input.Id(frameworkId);
        var framework = await _frameworks.RequireFrameworkAsync(frameworkId, cancellationToken).ConfigureAwait(false);
        return FrameworkJson.Serialize(framework.ToDefinition());
    }

    private async Task<InvolvementFramework> ChangeAsync(InvolvementFrameworkId frameworkId, Action<InvolvementFramework> change, CancellationToken cancellationToken)
    {
        Input.Id(frameworkId);
        var framework = await _frameworks.RequireFrameworkAsync(frameworkId, cancellationToken).ConfigureAwait(false);
        change(framework);
        await _frameworks.UpdateAsync(framework, cancellationToken).ConfigureAwait(false);
        return framework;
    }
}
