using CoProduction.Primitives;
using CoProduction.Payments;

namespace CoProduction.Core.Tests.Payments;

public sealed class RateCardTests
{
    // The default card: Participant 15/h; Partner 20/h, half day 75, full day 150; Lead 25/h, 100, 200.
    // Half-day from 2.5 h, full day from 5 h, hourly time rounded up to 30 minutes.
    private readonly RateCard _card = new();

    [Theory]
    [InlineData("Partner", 60, 20.00, PaymentBasis.Hourly, 1.0)] // 1 h x 20
    [InlineData("Partner", 70, 30.00, PaymentBasis.Hourly, 1.5)] // 70 min rounds up to 1.5 h x 20
    [InlineData("Partner", 149, 50.00, PaymentBasis.Hourly, 2.5)] // 2 h 29 min rounds up to 2.5 h x 20 = 50 (below the 75 cap)
    [InlineData("Partner", 150, 75.00, PaymentBasis.HalfDay, 2.5)] // from 2.5 h: half day
    [InlineData("Partner", 299, 75.00, PaymentBasis.HalfDay, 4.9833)] // just under 5 h: still half day
    [InlineData("Partner", 300, 150.00, PaymentBasis.FullDay, 5.0)] // from 5 h: full day
    [InlineData("participant", 200, 52.50, PaymentBasis.Hourly, 3.5)] // no day rates: 3 h 20 min -> 3.5 h x 15; level matched ignoring case
    [InlineData("Lead", 15, 12.50, PaymentBasis.Hourly, 0.5)] // 15 min rounds up to 0.5 h x 25
    public void Calculate_FollowsTheRateCardRule(string level, int minutes, double expectedAmount, PaymentBasis expectedBasis, double expectedHours)
    {
        var result = _card.Calculate(level, TimeSpan.FromMinutes(minutes));

        result.Amount.Should().Be((decimal)expectedAmount);
        result.Basis.Should().Be(expectedBasis);
        result.Hours.Should().BeApproximately((decimal)expectedHours, 0.001m);
    }

    [Fact]
    public void Calculate_HourlyAboveHalfDayRate_IsCappedAtHalfDay()
    {
        var card = new RateCard { HalfDayFromHours = 4, FullDayFromHours = 6 };

        // Lead: 3.5 h is under the 4 h half-day threshold, so hourly: 3.5 x 25 = 87.50, under the 100 half-day cap.
        card.Calculate("Lead", TimeSpan.FromHours(3.5)).Amount.Should().Be(87.50m);
        // 3.5 h x 25 with a half-day rate of 80 is capped at 80.
        card.Rates.Add(new RoleRate { RoleLevel = "Capped", HourlyRate = 25, HalfDayRate = 80 });
        card.Calculate("Capped", TimeSpan.FromHours(3.5)).Should().Be(new PaymentCalculation(80m, PaymentBasis.Hourly, 3.5m) { Rate = 25m });
    }

    [Fact]
    public void Calculate_UnknownLevel_NamesTheKnownLevels()
    {
        var act = () => _card.Calculate("Chair", TimeSpan.FromHours(1));

        act.Should().Throw<DomainRuleViolationException>().Where(e => e.Code == PaymentErrorCodes.UnknownRoleLevel).WithMessage("*'Chair'*Participant, Partner, Lead*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(13 * 60)]
    public void Calculate_DurationOutOfRange_IsRefusedWithTheServicesCode(int minutes)
    {
        var act = () => _card.Calculate("Partner", TimeSpan.FromMinutes(minutes));

        act.Should().Throw<DomainRuleViolationException>().Where(e => e.Code == PaymentErrorCodes.InvalidActivityDuration);
    }

    [Fact]
    public void Validate_DefaultCard_IsValid() => new PaymentOptions().Validate().Should().BeEmpty();
}
