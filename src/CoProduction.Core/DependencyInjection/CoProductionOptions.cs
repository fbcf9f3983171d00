using CoProduction.Payments;

namespace CoProduction;

/// <summary>Options of the library, set with <c>services.AddCoProduction(options => ...)</c> and validated on start.</summary>
public sealed class CoProductionOptions
{
    /// <summary>
    /// Gets or sets the organisation a single-organisation application acts for by default. Applications that serve
    /// several organisations leave it unset and set <see cref="Primitives.OrganisationContext"/> per request instead.
    /// </summary>
    /// <value>Default: <see langword="null"/> (no default organisation).</value>
    public Guid? OrganisationId { get; set; }

    /// <summary>
    /// Gets or sets the name of the application's own process: the actor of commands run while no one is set in
    /// <see cref="Primitives.ActorContext"/> (start-up seeding, a console job). Web apps set the signed-in person per
    /// request; background jobs set their own process name (<see cref="Primitives.Actor.ForSystemProcess"/>).
    /// </summary>
    /// <value>Default: <c>application</c>. Letters, digits, dots, hyphens and underscores, at most 100 characters.</value>
    public string SystemProcessName { get; set; } = "application";

    /// <summary>Gets the options for involvement payments: currency, the dated payment policy, expenses, safeguards and claim ageing.</summary>
    public PaymentOptions Payments { get; } = new();

    /// <summary>Gets the options of the peer review panel: conflict suggestions and lead reviewer loads.</summary>
    public PeerReview.PeerReviewOptions PeerReview { get; } = new();

    /// <summary>Gets the options for involvement in improvement projects: challenge-detection thresholds and impact analysis.</summary>
    public Involvement.InvolvementOptions Involvement { get; } = new();

    /// <summary>Gets the options for training programmes: patient-trainer pathway thresholds and facilitation pay levels.</summary>
    public Programmes.ProgrammeOptions Programmes { get; } = new();

    /// <summary>Gets the options for recruiting, onboarding and supporting partners: the participation team's roles and when debriefs fall due.</summary>
    public Partners.PartnerOptions Partners { get; } = new();

    /// <summary>Gets or sets the name of the storage provider chosen on the builder; set by <c>UseInMemoryStores()</c>, <c>UseSqlite()</c> and the like.</summary>
    /// <value>Default: <see langword="null"/>, which fails validation with a message saying how to choose a store.</value>
    public string? StoreProvider { get; set; }
}
