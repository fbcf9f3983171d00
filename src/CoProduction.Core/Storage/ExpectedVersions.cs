using System.Collections.Immutable;
using CoProduction.Primitives;

namespace CoProduction.Storage;

/// <summary>
/// The versions a caller read, for optimistic concurrency across a request: inside
/// <c>using (ExpectedVersions.Expect(claimId, 3)) { await payments.ApproveClaimAsync(...); }</c> every change method
/// that saves that aggregate refuses with <see cref="ConcurrencyConflictException"/>, and changes nothing, unless the
/// version it loaded is the one expected. A web host sets it once per request from the <c>If-Match</c> header (the
/// aggregate's <see cref="IAggregateRoot.Version"/> is its ETag), so no service method needs a version parameter, and
/// commands that change several aggregates check the one the caller named. Expectations flow with the asynchronous
/// call (<see cref="AsyncLocal{T}"/>) and end when the returned scope is disposed.
/// </summary>
public static class ExpectedVersions
{
    private static readonly AsyncLocal<ImmutableDictionary<Guid, long>?> Current = new();

    /// <summary>Expects an aggregate to be at <paramref name="version"/> when any change method saves it, until the scope is disposed.</summary>
    /// <typeparam name="TId">The aggregate's typed id.</typeparam>
    /// <param name="id">The aggregate.</param>
    /// <param name="version">The version the caller read (1 after the aggregate was first stored).</param>
    /// <returns>A scope that removes the expectation when disposed.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public static IDisposable Expect<TId>(TId id, long version)
        where TId : struct, ITypedId<TId>
    {
        if (id.Value == Guid.Empty)
        {
            throw new ArgumentException($"The {typeof(TId).Name} is empty: pass the id of the aggregate whose version was read.", nameof(id));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        var previous = Current.Value;
        Current.Value = (previous ?? ImmutableDictionary<Guid, long>.Empty).SetItem(id.Value, version);
        return new Scope(previous);
    }

    /// <summary>Gets the version expected for an aggregate in the current flow, if any.</summary>
    /// <param name="id">The aggregate's id value.</param>
    /// <returns>The expected version, or <see langword="null"/>.</returns>
    public static long? For(Guid id) => Current.Value is { } expected && expected.TryGetValue(id, out var version) ? version : null;

    /// <summary>Refuses an update of an aggregate loaded at another version than the one expected.</summary>
    /// <param name="aggregate">The aggregate about to be saved.</param>
    /// <exception cref="ConcurrencyConflictException">A version is expected for it and it was loaded at another.</exception>
    internal static void Check(IAggregateRoot aggregate)
    {
        if (For(aggregate.IdValue) is { } expected && expected != aggregate.Version)
        {
            throw new ConcurrencyConflictException(aggregate.GetType().Name, aggregate.IdValue, expected, aggregate.Version);
        }
    }

    private sealed class Scope(ImmutableDictionary<Guid, long>? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                Current.Value = previous;
                _disposed = true;
            }
        }
    }
}
