using System.Collections.Concurrent;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage;

/// <summary>
/// Calls every <see cref="IDomainEventHandler{TEvent}"/> registered in DI for an event's runtime type. Stores use it
/// after commit; it is public so that third-party stores can use it too.
/// </summary>
public sealed class DomainEventDispatcher
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IDomainEvent, CancellationToken, Task>> Invokers = new();
    private readonly IServiceProvider _services;

    /// <summary>Initialises the dispatcher.</summary>
    /// <param name="services">The scope's service provider, from which handlers are resolved.</param>
    public DomainEventDispatcher(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
    }

    /// <summary>Calls every handler registered for the event's type, one after another.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when every handler has run; it faults with the first handler's failure.</returns>
    public Task DispatchAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var invoker = Invokers.GetOrAdd(domainEvent.GetType(), static type =>
        {
            var method = typeof(DomainEventDispatcher).GetMethod(nameof(InvokeHandlersAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type);
            return method.CreateDelegate<Func<IServiceProvider, IDomainEvent, CancellationToken, Task>>();
        });
        return invoker(_services, domainEvent, cancellationToken);
    }

    private static async Task InvokeHandlersAsync<TEvent>(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync((TEvent)domainEvent, cancellationToken).ConfigureAwait(false);
        }
    }
}
