using CoProduction.Payments;

namespace CoProduction.Storage.Specification;

/// <summary>
/// The payment policy the specification prices claims by (the library prices nothing until a policy is given): made-up
/// figures, in force from 1 January 2000.
/// </summary>
public static class SpecificationPaymentPolicy
{
    /// <summary>
    /// Creates "Specification rates": <c>Participant</c> 15.00 an hour; <c>Partner</c> 20.00 an hour, 75.00 from 2.5
    /// hours, 150.00 from 5 hours; <c>Lead</c> 25.00, 100.00, 200.00; time paid by the hour rounded up to 30 minutes
    /// and never more than the half-day fee.
    /// </summary>
    /// <returns>A new policy.</returns>
    public static PaymentPolicy Create()
    {
        var version = new PaymentPolicyVersion
        {
            EffectiveFrom = new DateOnly(2000, 1, 1),
            HalfDayFromHours = 2.5m,
            FullDayFromHours = 5m,
            BoundaryInUpperBand = true,
            BillingBlockMinutes = 30,
            CapHourlyAtHalfDayRate = true,
        };
        version.Rates.Add(new RoleRate { RoleLevel = "Participant", HourlyRate = 15.00m });
        version.Rates.Add(new RoleRate { RoleLevel = "Partner", HourlyRate = 20.00m, HalfDayRate = 75.00m, FullDayRate = 150.00m });
        version.Rates.Add(new RoleRate { RoleLevel = "Lead", HourlyRate = 25.00m, HalfDayRate = 100.00m, FullDayRate = 200.00m });
        var policy = new PaymentPolicy { Name = "Specification rates", SourceNote = "Made up for the storage specification." };
        policy.Versions.Add(version);
        return policy;
    }

    /// <summary>Creates payment options that price by <see cref="Create"/>.</summary>
    /// <returns>The options.</returns>
    public static PaymentOptions Options()
    {
        var options = new PaymentOptions();
        options.UsePolicy(Create());
        return options;
    }
}
