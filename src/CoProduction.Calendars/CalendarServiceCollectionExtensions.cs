using CoProduction.Calendars;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoProduction;

/// <summary>Registers <see cref="InvolvementCalendar"/>.</summary>
public static class CalendarServiceCollectionExtensions
{
    /// <summary>Adds <see cref="InvolvementCalendar"/> (scoped, like the stores it reads) and its options. Call <c>AddCoProduction</c> and choose a store too.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, for example the UID domain.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddCoProductionCalendars(this IServiceCollection services, Action<CalendarOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddOptions<CalendarOptions>();
        services.TryAddScoped(sp => new InvolvementCalendar(
            sp.GetRequiredService<Programmes.IProgrammeStore>(),
            sp.GetRequiredService<Programmes.Cohorts.ICohortStore>(),
            sp.GetRequiredService<PeerReview.IPanelMeetingStore>(),
            sp.GetRequiredService<PeerReview.IPanelStore>(),
            sp.GetRequiredService<Partners.IPartnerRecordStore>(),
            sp.GetRequiredService<IOptions<CalendarOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
