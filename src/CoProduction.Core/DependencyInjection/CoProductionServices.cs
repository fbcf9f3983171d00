using Microsoft.Extensions.DependencyInjection;

namespace CoProduction;

/// <summary>Registers the application services of each area of the library.</summary>
internal static class CoProductionServices
{
    internal static void AddManagers(IServiceCollection services)
    {
        _ = services;
    }
}
