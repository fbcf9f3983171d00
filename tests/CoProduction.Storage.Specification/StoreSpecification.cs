using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Storage.Specification;

/// <summary>
/// Base of the conformance specifications: builds a service provider with the store under test for each test, and
/// gives each test two fresh organisations, so that tests never see each other's data even in a shared database.
/// </summary>
public abstract class StoreSpecification : IAsyncLifetime
{
    private ServiceProvider? _services;

    /// <summary>Initialises the specification, its clock at <see cref="StartsAt"/>.</summary>
    protected StoreSpecification()
    {
#pragma warning disable CA2214 // StartsAt is a constant in every override: it reads no state of the derived class.
        Clock = new FakeTimeProvider(StartsAt);
#pragma warning restore CA2214
    }

    /// <summary>Gets the clock the library uses in these tests: at <see cref="StartsAt"/>, moved on by hand.</summary>
    protected FakeTimeProvider Clock { get; }

    /// <summary>Gets when the clock starts: 1 March 2026, 09:00 UTC, unless a specification needs another time.</summary>
    protected virtual DateTimeOffset StartsAt => new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Gets the organisation most tests act for.</summary>
    protected OrganisationId OrganisationA { get; } = OrganisationId.New();

    /// <summary>Gets another organisation, whose data must stay invisible to <see cref="OrganisationA"/>.</summary>
    protected OrganisationId OrganisationB { get; } = OrganisationId.New();

    /// <summary>Gets the service provider built by <see cref="InitializeAsync"/>.</summary>
    protected IServiceProvider Services => _services ?? throw new InvalidOperationException("The specification has not been initialised.");

    /// <summary>Chooses the store under test, such as <c>builder.UseSqlite(connectionString)</c>.</summary>
    /// <param name="builder">The builder that <c>AddCoProduction</c> returned.</param>
    protected abstract void UseStores(CoProductionBuilder builder);

    /// <summary>Adds services the specification needs besides the store, such as event handlers.</summary>
    /// <param name="services">The service collection.</param>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Prepares what the store needs before the service provider is built (a database, a file).</summary>
    /// <returns>A task that completes when the store can be used.</returns>
    protected virtual ValueTask PrepareStoreAsync() => ValueTask.CompletedTask;

    /// <summary>Releases what <see cref="PrepareStoreAsync"/> prepared, after the service provider is disposed.</summary>
    /// <returns>A task that completes when done.</returns>
    protected virtual ValueTask CleanUpStoreAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        await PrepareStoreAsync();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        ConfigureServices(services);
        UseStores(services.AddCoProduction(o =>
        {
            o.Payments.UsePolicy(SpecificationPaymentPolicy.Create());
            o.Programmes.LeadFacilitatorRoleLevel = "Lead";
        }));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await CleanUpStoreAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens a DI scope that acts for an organisation, as a request would.</summary>
    /// <param name="organisationId">The organisation.</param>
    /// <returns>The scope; dispose it.</returns>
    protected AsyncServiceScope ScopeFor(OrganisationId organisationId)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationContext>().SetCurrent(organisationId);
        return scope;
    }

    /// <summary>Runs <paramref name="work"/> with a store resolved in a new scope of an organisation.</summary>
    /// <typeparam name="TStore">The store contract.</typeparam>
    /// <typeparam name="TResult">What the work returns.</typeparam>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="work">The work.</param>
    /// <returns>What the work returned.</returns>
    protected async Task<TResult> WithStore<TStore, TResult>(OrganisationId organisationId, Func<TStore, Task<TResult>> work)
        where TStore : notnull
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = ScopeFor(organisationId);
        return await work(scope.ServiceProvider.GetRequiredService<TStore>());
    }

    /// <summary>Runs <paramref name="work"/> with a store resolved in a new scope of an organisation.</summary>
    /// <typeparam name="TStore">The store contract.</typeparam>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="work">The work.</param>
    /// <returns>A task that completes when the work has.</returns>
    protected async Task WithStore<TStore>(OrganisationId organisationId, Func<TStore, Task> work)
        where TStore : notnull
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = ScopeFor(organisationId);
        await work(scope.ServiceProvider.GetRequiredService<TStore>());
    }

    /// <summary>
    /// Registers a participant with every part of the record filled in: two roles, names, contact details, two
    /// accessibility needs, a payment preference with notes, three consents (one withdrawn) and diversity answers.
    /// It has raised 10 events: registered, name, contact, accessibility, payment preference, consent to contact,
    /// consent to diversity monitoring, diversity answers, consent to recording, withdrawal of that consent.
    /// </summary>
    /// <param name="organisationId">The organisation that holds the record.</param>
    /// <param name="fullName">The participant's (made-up) name.</param>
    /// <returns>The new participant, not yet stored.</returns>
    protected Participant NewFullParticipant(OrganisationId organisationId, string fullName = "Patient partner A")
    {
        var participant = Participant.Register(organisationId, fullName, [ParticipantRole.PatientPartner, ParticipantRole.Carer], Clock);
        participant.Rename(fullName, "Partner A", Clock);
        participant.ChangeContactDetails(new ContactDetails("partner.a@example.org", "01632 960001", "1 Example Street, Exampletown", ContactMethod.Phone), Clock);
        participant.ChangeAccessibilityNeeds([new AccessibilityNeed("Step-free access", "Ground-floor rooms only"), new AccessibilityNeed("Large print", null)], Clock);
        participant.ChangePaymentPreference(new PaymentPreference(PaymentMethod.Voucher, "Prefers supermarket vouchers"), Clock);
        participant.GiveConsent(ConsentPurpose.Contact, Clock);
        Clock.Advance(TimeSpan.FromMinutes(1));
        participant.GiveConsent(ConsentPurpose.DiversityMonitoring, Clock);
        participant.RecordDiversityAnswers(new Dictionary<string, string> { ["Age band"] = "45-54", ["Ethnicity"] = "Prefer not to say" }, Clock);
        participant.GiveConsent(ConsentPurpose.Recording, Clock);
        Clock.Advance(TimeSpan.FromDays(2));
        participant.WithdrawConsent(ConsentPurpose.Recording, Clock);
        return participant;
    }

    /// <summary>Asserts that two participants hold the same state (everything but version and pending events), lists in the same order.</summary>
    /// <param name="actual">The participant read back.</param>
    /// <param name="expected">The participant as saved.</param>
    protected static void ShouldHoldSameState(Participant actual, Participant expected)
    {
        ArgumentNullException.ThrowIfNull(actual);
        actual.Should().BeEquivalentTo(expected, options => options
            .Excluding(p => p.PendingEvents)
            .Excluding(p => p.Version)
            .WithStrictOrdering());
    }
}
