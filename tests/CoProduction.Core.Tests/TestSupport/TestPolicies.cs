using CoProduction.Payments;

namespace CoProduction.Core.Tests.TestSupport;

/// <summary>
/// The payment policy most tests price claims by, set explicitly (the library has no default): made-up figures chosen so
/// that the amounts worked by hand in the tests stay simple.
/// </summary>
public static class TestPolicies
{
    /// <summary>The date from which the test policy is in force, before any activity the tests record.</summary>
    public static readonly DateOnly InForceFrom = new(2000, 1, 1);

    /// <summary>
    /// "Test rates": <c>Participant</c> 15.00 an hour; <c>Partner</c> 20.00 an hour, 75.00 from 2.5 hours, 150.00 from
    /// 5 hours; <c>Lead</c> 25.00, 100.00, 200.00. Time paid by the hour is rounded up to 30 minutes and never pays more
    /// than the half-day fee; an activity may last at most 12 hours.
    /// </summary>
    public static PaymentPolicy Illustrative()
    {
        var version = new PaymentPolicyVersion
        {
            EffectiveFrom = InForceFrom,
            HalfDayFromHours = 2.5m,
            FullDayFromHours = 5m,
            BoundaryInUpperBand = true,
            BillingBlockMinutes = 30,
            CapHourlyAtHalfDayRate = true,
            MaximumActivityHours = 12m,
        };
        version.Rates.Add(new RoleRate { RoleLevel = "Participant", HourlyRate = 15.00m });
        version.Rates.Add(new RoleRate { RoleLevel = "Partner", HourlyRate = 20.00m, HalfDayRate = 75.00m, FullDayRate = 150.00m });
        version.Rates.Add(new RoleRate { RoleLevel = "Lead", HourlyRate = 25.00m, HalfDayRate = 100.00m, FullDayRate = 200.00m });
        var policy = new PaymentPolicy { Name = "Test rates", SourceNote = "Made up for the tests." };
        policy.Versions.Add(version);
        return policy;
    }
}
