using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.ExceptionServices;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.AspNetCore.Telemetry;

/// <summary>
/// Wraps a store contract (any interface) so that every call is a span of the <c>CoProduction</c> source and is counted
/// and timed; writes (<c>AddAsync</c>, <c>UpdateAsync</c>, <c>SaveAsync</c>) are also counted as commands. The store
/// itself is untouched: this is a decorator registered in its place, so every store (in-memory, relational, a third
/// party's) is measured alike.
/// </summary>
internal class InstrumentedStore : DispatchProxy
{
    private static readonly ConcurrentDictionary<Type, MethodInfo> ValueTaskTrackers = new();
    private static readonly MethodInfo TrackValueTaskMethod = typeof(InstrumentedStore).GetMethod(nameof(TrackValueTask), BindingFlags.NonPublic | BindingFlags.Static)!;

    private object _inner = null!;
    private CoProductionInstruments _instruments = null!;
    private string _storeName = null!;

    /// <summary>Decorates every store contract registered in <paramref name="services"/>.</summary>
    internal static void Decorate(IServiceCollection services)
    {
        foreach (var contract in CoProductionStores.Contracts)
        {
            for (var i = services.Count - 1; i >= 0; i--)
            {
                var descriptor = services[i];
                if (descriptor.ServiceType != contract || descriptor.IsKeyedService)
                {
                    continue;
                }

                if (descriptor.ImplementationFactory?.Method.DeclaringType == typeof(CoProductionServiceCollectionExtensions))
                {
                    throw new InvalidOperationException(
                        "AddAspNetCore() was called before a store was chosen, so the stores cannot be instrumented: call UseSqlite(...), UsePostgreSql(...) or UseInMemoryStores() first, then AddAspNetCore().");
                }

                services[i] = ServiceDescriptor.Describe(contract, sp => Create(contract, Resolve(descriptor, sp), sp.GetRequiredService<CoProductionInstruments>()), descriptor.Lifetime);
                break;
            }
        }
    }

    /// <summary>Creates the decorator of one store.</summary>
    internal static object Create(Type contract, object inner, CoProductionInstruments instruments)
    {
        var proxy = (InstrumentedStore)Create(contract, typeof(InstrumentedStore));
        proxy._inner = inner;
        proxy._instruments = instruments;
        proxy._storeName = contract.Name;
        return proxy;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var previous = Activity.Current;
        var operation = new Operation(this, targetMethod.Name, CoProductionTelemetry.Source.StartActivity($"{_storeName}.{targetMethod.Name}"));
        object? result;
        try
        {
            result = targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            operation.Complete(ex.InnerException);
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        finally
        {
            // The span is the current one for the store's own work (its continuations captured it), not for the caller's.
            Activity.Current = previous;
        }

        switch (result)
        {
            case Task task:
                _ = task.ContinueWith(static (t, state) => ((Operation)state!).Complete(t.Exception?.InnerException ?? (t.IsCanceled ? new OperationCanceledException() : null)), operation, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return task;
            case ValueTask valueTask:
                var asTask = valueTask.AsTask();
                _ = asTask.ContinueWith(static (t, state) => ((Operation)state!).Complete(t.Exception?.InnerException ?? (t.IsCanceled ? new OperationCanceledException() : null)), operation, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return new ValueTask(asTask);
            case not null when targetMethod.ReturnType.IsGenericType && targetMethod.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>):
                var tracker = ValueTaskTrackers.GetOrAdd(targetMethod.ReturnType.GetGenericArguments()[0], static t => TrackValueTaskMethod.MakeGenericMethod(t));
                return tracker.Invoke(null, [result, operation]);
            default:
                operation.Complete(null);
                return result;
        }
    }

    private static object Resolve(ServiceDescriptor descriptor, IServiceProvider services) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType ?? throw new InvalidOperationException($"The registration of {descriptor.ServiceType.Name} names no implementation."));

    private static ValueTask<T> TrackValueTask<T>(ValueTask<T> valueTask, Operation operation)
    {
        var task = valueTask.AsTask();
        _ = task.ContinueWith(static (t, state) => ((Operation)state!).Complete(t.Exception?.InnerException ?? (t.IsCanceled ? new OperationCanceledException() : null)), operation, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return new ValueTask<T>(task);
    }

    /// <summary>One call: its span, start time, and what to record when it ends.</summary>
    private sealed class Operation(InstrumentedStore store, string name, Activity? activity)
    {
        private readonly long _started = Stopwatch.GetTimestamp();

        public void Complete(Exception? error)
        {
            var outcome = error switch
            {
                null => "ok",
                CoProductionException => "refused",
                OperationCanceledException => "cancelled",
                _ => "error",
            };
            var tags = new TagList
            {
                { "coproduction.store", store._storeName },
                { "coproduction.operation", name },
                { "coproduction.outcome", outcome },
            };
            if (error is CoProductionException refusal)
            {
                tags.Add("coproduction.error_code", refusal.Code);
            }
            else if (error is not null)
            {
                tags.Add("error.type", error.GetType().FullName);
            }

            store._instruments.StoreOperations.Add(1, tags);
            store._instruments.StoreDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
            if (name is "AddAsync" or "UpdateAsync" or "SaveAsync")
            {
                store._instruments.Commands.Add(1, tags);
            }

            if (activity is not null)
            {
                activity.SetTag("coproduction.outcome", outcome);
                if (error is CoProductionException code)
                {
                    activity.SetTag("coproduction.error_code", code.Code);
                }
                else if (error is not null and not OperationCanceledException)
                {
                    activity.SetStatus(ActivityStatusCode.Error, error.Message);
                    activity.AddException(error);
                }

                activity.Dispose();
            }
        }
    }
}
