using CoProduction.Payments;
using CoProduction.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoProduction;

/// <summary>Registers the application services of each area of the library.</summary>
internal static class CoProductionServices
{
    internal static void AddManagers(IServiceCollection services)
    {
        services.TryAddScoped<ParticipantService>();
        services.TryAddScoped<PaymentService>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IParticipantDataContributor, PaymentsDataContributor>());
    }
}
