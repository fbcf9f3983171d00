using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.TestSupport;

/// <summary>Sets who the commands of a scope run for, as the ASP.NET Core middleware does from the participant claim.</summary>
public static class Acting
{
    /// <summary>Sets the scope's actor to a participant and returns the service, so that the call chained on it runs for them.</summary>
    public static T ActingAs<T>(this T service, IServiceProvider scope, ParticipantId participantId)
    {
        scope.GetRequiredService<ActorContext>().SetCurrent(Actor.ForParticipant(participantId));
        return service;
    }

    /// <inheritdoc cref="ActingAs{T}(T, IServiceProvider, ParticipantId)"/>
    public static T ActingAs<T>(this T service, AsyncServiceScope scope, ParticipantId participantId) => service.ActingAs(scope.ServiceProvider, participantId);
}
