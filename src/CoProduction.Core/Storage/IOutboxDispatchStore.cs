using CoProduction.Primitives;

namespace CoProduction.Storage;

/// <summary>
/// The outbox across every organisation, for a background dispatcher and for health checks: which organisations have
/// events to deliver, each one's pending events, and the outcome of each delivery attempt.
/// </summary>
/// <remarks>
/// <para>
/// Unlike <see cref="IEventOutbox"/>, which sees the current organisation's events only, this contract works across
/// organisations: use it from a trusted background job, never to answer a user's request.
/// </para>
/// <para>
/// An event is <em>dead-lettered</em> once its delivery has been tried <c>maxAttempts</c> times without success: it stays
/// in the outbox (it is part of the audit trail) with its last error, but the pending queries here leave it out. The
/// threshold is the caller's (the dispatcher's configuration), so raising it brings dead-lettered events back, and
/// <see cref="IEventOutbox.DispatchPendingAsync"/> still tries every undelivered event of an organisation by hand.
/// </para>
/// <para>Stores register an implementation when they can; it is not one of <see cref="CoProductionStores.Contracts"/>.</para>
/// </remarks>
public interface IOutboxDispatchStore
{
    /// <summary>Lists every organisation that has at least one event in the outbox: every organisation that has stored anything.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The organisations, in no particular order.</returns>
    Task<IReadOnlyList<OrganisationId>> ListOrganisationsAsync(CancellationToken cancellationToken);

    /// <summary>Lists the organisations that have undelivered events tried fewer than <paramref name="maxAttempts"/> times.</summary>
    /// <param name="maxAttempts">The number of attempts after which an event is dead-lettered (at least 1).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The organisations, in no particular order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxAttempts"/> is below 1.</exception>
    Task<IReadOnlyList<OrganisationId>> ListOrganisationsWithPendingEventsAsync(int maxAttempts, CancellationToken cancellationToken);

    /// <summary>Lists an organisation's undelivered events tried fewer than <paramref name="maxAttempts"/> times, oldest first.</summary>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="maxAttempts">The number of attempts after which an event is dead-lettered (at least 1).</param>
    /// <param name="limit">The most events to return (at least 1).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The pending events.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxAttempts"/> or <paramref name="limit"/> is below 1.</exception>
    Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(OrganisationId organisationId, int maxAttempts, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records one delivery attempt of an event: its attempts go up by one, and it is marked delivered (when
    /// <paramref name="error"/> is <see langword="null"/>) or keeps the error as its last. A failure recorded after the
    /// event was delivered by someone else changes nothing.
    /// </summary>
    /// <param name="organisationId">The organisation whose event it is.</param>
    /// <param name="sequence">The event's <see cref="OutboxMessage.Sequence"/>.</param>
    /// <param name="error">What the handler threw, or <see langword="null"/> when every handler completed.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the attempt is recorded.</returns>
    Task RecordAttemptAsync(OrganisationId organisationId, long sequence, string? error, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes, across every organisation, the events delivered before <paramref name="dispatchedBefore"/>: the end of
    /// the audit trail's retention. Undelivered events (pending or dead-lettered) are never deleted.
    /// </summary>
    /// <param name="dispatchedBefore">Events delivered before this instant are deleted.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>How many events were deleted.</returns>
    Task<int> PurgeDispatchedAsync(DateTimeOffset dispatchedBefore, CancellationToken cancellationToken);

    /// <summary>Measures the backlog across every organisation: pending events, the oldest of them, and dead-lettered events.</summary>
    /// <param name="maxAttempts">The number of attempts after which an event is dead-lettered (at least 1).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The backlog.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxAttempts"/> is below 1.</exception>
    Task<OutboxBacklog> GetBacklogAsync(int maxAttempts, CancellationToken cancellationToken);
}

/// <summary>The outbox's backlog across every organisation, from <see cref="IOutboxDispatchStore.GetBacklogAsync"/>.</summary>
/// <param name="PendingCount">Undelivered events that will be tried again.</param>
/// <param name="OldestPendingOccurredAt">When the oldest of them happened, or <see langword="null"/> when there is none.</param>
/// <param name="DeadLetteredCount">Undelivered events that were tried the maximum number of times.</param>
public sealed record OutboxBacklog(int PendingCount, DateTimeOffset? OldestPendingOccurredAt, int DeadLetteredCount);

/// <summary>
/// Tells whether a store's database can be used: reachable, and its schema up to date. Relational stores register one;
/// health checks read it. It never creates or migrates the database.
/// </summary>
public interface IStoreHealthProbe
{
    /// <summary>Checks the database.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>What was found.</returns>
    Task<StoreHealth> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>What <see cref="IStoreHealthProbe.CheckAsync"/> found.</summary>
/// <param name="IsReachable">Whether the database exists and a connection could be opened.</param>
/// <param name="PendingMigrations">The migrations not yet applied (empty when the schema is up to date, or unknown when unreachable).</param>
/// <exception cref="ArgumentNullException"><paramref name="PendingMigrations"/> is <see langword="null"/>.</exception>
/// <param name="Problem">What is wrong, in words an operator can act on, or <see langword="null"/> when nothing is.</param>
public sealed record StoreHealth(bool IsReachable, IReadOnlyList<string> PendingMigrations, string? Problem)
{
    /// <summary>Gets the migrations not yet applied.</summary>
    public IReadOnlyList<string> PendingMigrations { get; init; } = PendingMigrations ?? throw new ArgumentNullException(nameof(PendingMigrations));

    /// <summary>Gets a healthy result with nothing pending.</summary>
    public static StoreHealth Healthy { get; } = new(true, [], null);
}
