using CoProduction.Primitives;

namespace CoProduction.Storage.InMemory;

/// <summary>
/// The data behind the in-memory stores: one instance per service provider (a singleton), shared by every scope. All
/// access is serialised by one lock, so each save is atomic and isolated, as a database transaction would be.
/// </summary>
internal sealed class InMemoryDatabase
{
    private readonly Dictionary<Type, Dictionary<Guid, StoredAggregate>> _tables = [];
    private readonly List<OutboxEntry> _outbox = [];
    private long _sequence;

    /// <summary>Gets the lock that serialises every read and write.</summary>
    internal Lock SyncRoot { get; } = new();

    /// <summary>Gets the table of one aggregate type.</summary>
    internal Dictionary<Guid, StoredAggregate> Table(Type aggregateType)
    {
        if (!_tables.TryGetValue(aggregateType, out var table))
        {
            table = [];
            _tables[aggregateType] = table;
        }

        return table;
    }

    /// <summary>Gets the outbox: every stored domain event, oldest first.</summary>
    internal List<OutboxEntry> Outbox => _outbox;

    /// <summary>
    /// Gets or sets a test hook that a unit of work calls under the lock before each aggregate it writes and before it
    /// writes its events: the conformance suite throws from it to prove that a fault between two writes leaves
    /// nothing written. <see langword="null"/> outside those tests.
    /// </summary>
    internal Action? BeforeWrite { get; set; }

    /// <summary>Removes the events appended after the outbox held <paramref name="length"/> entries (their sequence numbers stay unused, as a database sequence's would).</summary>
    internal void TruncateOutbox(int length) => _outbox.RemoveRange(length, _outbox.Count - length);

    /// <summary>Appends an event to the outbox.</summary>
    internal OutboxEntry AppendEvent(OrganisationId organisationId, string aggregateType, Guid aggregateId, long version, IDomainEvent domainEvent, Actor actor)
    {
        var entry = new OutboxEntry(++_sequence, organisationId, aggregateType, aggregateId, version, domainEvent, actor);
        _outbox.Add(entry);
        return entry;
    }

    /// <summary>An aggregate as stored: a private copy, its owner and version.</summary>
    internal sealed record StoredAggregate(OrganisationId OrganisationId, long Version, object Snapshot);

    /// <summary>A stored event and its dispatch state.</summary>
    internal sealed class OutboxEntry(long sequence, OrganisationId organisationId, string aggregateType, Guid aggregateId, long version, IDomainEvent domainEvent, Actor actor)
    {
        public Actor Actor { get; } = actor;

        public long Sequence { get; } = sequence;

        public OrganisationId OrganisationId { get; } = organisationId;

        public string AggregateType { get; } = aggregateType;

        public Guid AggregateId { get; } = aggregateId;

        public long Version { get; } = version;

        public IDomainEvent Event { get; } = domainEvent;

        public DateTimeOffset? DispatchedAt { get; set; }

        public int Attempts { get; set; }

        public string? LastError { get; set; }

        public OutboxMessage ToMessage() => new(Sequence, OrganisationId, AggregateType, AggregateId, Version, Event, Actor, DispatchedAt, Attempts, LastError);
    }
}
