using CoProduction.Payments;
using CoProduction.Primitives;

namespace CoProduction.Core.Tests.Payments;

/// <summary>Worked examples of each preset, computed by hand in the comments.</summary>
public sealed class PaymentPolicyTests
{
    private static readonly DateOnly Day = new(2025, 3, 20);

    private static PaymentPolicyVersion InForce(PaymentPolicy policy) => policy.VersionOn(Day)!;

    [Theory]
    [InlineData(239, 75.00, PaymentBasis.HalfDay)] // 3 h 59 min: under 4 h, the half-day fee
    [InlineData(240, 150.00, PaymentBasis.FullDay)] // exactly 4 h: "4 hours or more" is the full-day fee
    [InlineData(270, 150.00, PaymentBasis.FullDay)] // a 4.5-hour meeting: the full-day fee (the old 5 h default paid a half day)
    [InlineData(30, 75.00, PaymentBasis.HalfDay)] // half an hour: still the under-4-hours fee
    public void NhsEnglandPpvLevel4_WorkedExamples(int minutes, double amount, PaymentBasis basis)
    {
        var result = InForce(PaymentPolicyPresets.NhsEnglandPpvLevel4()).Calculate(PaymentPolicyPresets.PartnerLevel, TimeSpan.FromMinutes(minutes));

        result.Amount.Should().Be((decimal)amount);
        result.Basis.Should().Be(basis);
        result.Rate.Should().Be((decimal)amount);
    }

    [Fact]
    public void ExactlyFourHours_UnderBothBoundaryRules_FallsInTheBandEachRuleSays()
    {
        var upper = PaymentPolicyPresets.NiceLayMember();
        var lower = PaymentPolicyPresets.NiceLayMember();
        InForce(lower).BoundaryInUpperBand = false; // as NICE's lived-experience page: "up to and including 4 hours" is the lower band

        // Upper-band rule: 4 h >= 4 h -> full day 150.00. Lower-band rule: 4 h is not > 4 h -> half day 75.00.
        InForce(upper).Calculate("Partner", TimeSpan.FromHours(4)).Should().Be(new PaymentCalculation(150.00m, PaymentBasis.FullDay, 4m) { Rate = 150.00m });
        InForce(lower).Calculate("Partner", TimeSpan.FromHours(4)).Should().Be(new PaymentCalculation(75.00m, PaymentBasis.HalfDay, 4m) { Rate = 75.00m });
        // One minute more is a full day under both.
        InForce(lower).Calculate("Partner", TimeSpan.FromMinutes(241)).Amount.Should().Be(150.00m);
    }

    [Fact]
    public void NiceLayMember_WorkedExamples_DayFeesAndTheOneOffDocumentReview()
    {
        var version = InForce(PaymentPolicyPresets.NiceLayMember());

        version.Calculate("Partner", TimeSpan.FromHours(3)).Amount.Should().Be(75.00m); // shorter than 4 h
        version.Calculate("Partner", TimeSpan.FromHours(4.5)).Amount.Should().Be(150.00m); // 4 h or longer
        // A document review is a flat 25.00 whatever it took: 90 minutes or 5 hours.
        version.Calculate(PaymentPolicyPresets.DocumentReview, TimeSpan.FromMinutes(90)).Should().Be(new PaymentCalculation(25.00m, PaymentBasis.FlatFee, 1.5m) { Rate = 25.00m });
        version.Calculate(PaymentPolicyPresets.DocumentReview, TimeSpan.FromHours(5)).Amount.Should().Be(25.00m);
    }

    [Theory]
    [InlineData(30, 20.00, 3.0)] // half an hour: one 3-hour block (part of a block counts whole) = 20.00
    [InlineData(180, 20.00, 3.0)] // exactly 3 h: one block
    [InlineData(181, 40.00, 6.0)] // 3 h 1 min: two blocks = 40.00
    [InlineData(420, 60.00, 9.0)] // 7 h: ceil(7 / 3) = 3 blocks = 60.00
    public void PerBlock_WorkedExamples_TwentyPerThreeHoursOrPart(int minutes, double amount, double billedHours)
    {
        var result = InForce(PaymentPolicyPresets.PerBlock()).Calculate("Partner", TimeSpan.FromMinutes(minutes));

        result.Should().Be(new PaymentCalculation((decimal)amount, PaymentBasis.Block, (decimal)billedHours) { Rate = 20.00m });
    }

    [Theory]
    [InlineData("Review and comment", 25.00)]
    [InlineData("Co-drafting", 50.00)]
    [InlineData("Meeting with preparation", 75.00)]
    [InlineData("speaking", 100.00)] // matched ignoring case
    public void ActivityBased_WorkedExamples_AFlatFeePerTask(string task, double fee)
    {
        var version = InForce(PaymentPolicyPresets.ActivityBased());

        version.Calculate(task, TimeSpan.FromHours(2)).Should().Be(new PaymentCalculation((decimal)fee, PaymentBasis.FlatFee, 2m) { Rate = (decimal)fee });
        version.Calculate(task, TimeSpan.FromMinutes(20)).Amount.Should().Be((decimal)fee, "a flat fee does not depend on the time");
    }

    [Fact]
    public void Presets_EachCarriesItsSourceAndDateInItsData_AndIsValid()
    {
        var presets = PaymentPolicyPresets.All();

        presets.Select(p => p.Name).Should().OnlyHaveUniqueItems().And.HaveCount(4);
        foreach (var preset in presets)
        {
            preset.SourceName.Should().NotBeNullOrWhiteSpace($"{preset.Name} names its source");
            preset.SourceNote.Should().NotBeNullOrWhiteSpace($"{preset.Name} says how its figures were read");
            (preset.SourceDate is not null || preset.SourceNote!.Contains("undated", StringComparison.Ordinal)).Should().BeTrue($"{preset.Name} gives its source's date, or says the source is undated");
            preset.Validate().Should().BeEmpty();
        }

        var ppv = PaymentPolicyPresets.NhsEnglandPpvLevel4();
        ppv.SourceName.Should().Contain("NHS England").And.Contain("version 3");
        ppv.SourceDate.Should().Be(new DateOnly(2021, 10, 20));
        var nice = PaymentPolicyPresets.NiceLayMember();
        nice.SourceUrl.Should().StartWith("https://www.nice.org.uk/");
        nice.PaymentTargetDays.Should().Be(21, "NICE pays within 3 weeks");
        PaymentPolicyPresets.PerBlock().SourceNote.Should().StartWith("Illustrative");
        PaymentPolicyPresets.ActivityBased().SourceNote.Should().StartWith("Illustrative");
    }

    [Fact]
    public void Presets_ReturnEditableCopies_AnEditDoesNotReachTheNextCopyOrTheOptions()
    {
        var first = PaymentPolicyPresets.NhsEnglandPpvLevel4();
        first.Versions[0].Rates[0].FullDayRate = 200m;
        var options = new PaymentOptions();
        var used = options.UsePolicy(first);
        first.Versions[0].Rates[0].FullDayRate = 999m;

        PaymentPolicyPresets.NhsEnglandPpvLevel4().Versions[0].Rates[0].FullDayRate.Should().Be(150.00m);
        used.Versions[0].Rates[0].FullDayRate.Should().Be(200m);
        options.Policy.Should().BeSameAs(used);
    }

    [Fact]
    public void VersionOn_PicksTheLatestVersionInForceOnTheDate()
    {
        var policy = new PaymentPolicy { Name = "Trust policy" };
        policy.Versions.Add(new PaymentPolicyVersion { EffectiveFrom = new DateOnly(2025, 3, 15) });
        policy.Versions.Add(new PaymentPolicyVersion { EffectiveFrom = new DateOnly(2025, 1, 1) });

        policy.VersionOn(new DateOnly(2024, 12, 31)).Should().BeNull();
        policy.VersionOn(new DateOnly(2025, 3, 14))!.EffectiveFrom.Should().Be(new DateOnly(2025, 1, 1));
        policy.VersionOn(new DateOnly(2025, 3, 15))!.EffectiveFrom.Should().Be(new DateOnly(2025, 3, 15));
    }

    [Fact]
    public void Validate_ReportsEveryMistake()
    {
        var policy = new PaymentPolicy();
        var version = new PaymentPolicyVersion { EffectiveFrom = new DateOnly(2025, 1, 1), BillingBlockMinutes = 0, FullDayFromHours = 2, HalfDayFromHours = 3, DailyCap = -1 };
        version.Rates.Add(new RoleRate { RoleLevel = "Partner", FlatFee = -5 });
        version.Mileage.TaperAfterMiles = 0;
        policy.Versions.Add(version);
        policy.Versions.Add(new PaymentPolicyVersion { EffectiveFrom = new DateOnly(2025, 1, 1) });

        var failures = policy.Validate();

        failures.Should().Contain(f => f.Contains(".Name is blank", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("is the date of another version", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("BillingBlockMinutes is 0", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("FullDayFromHours (2) must be more than HalfDayFromHours (3)", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("negative cap", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("negative rate", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("TaperAfterMiles is 0", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("Rates is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_LevelMissingFromTheVersion_RefusedWithTheCode()
    {
        var act = () => InForce(PaymentPolicyPresets.PerBlock()).Calculate("Lead", TimeSpan.FromHours(1));

        act.Should().Throw<DomainRuleViolationException>().Where(e => e.Code == PaymentErrorCodes.UnknownRoleLevel);
    }

    [Theory]
    [InlineData(2025, 4, 5, 2024)] // 5 April: still the tax year that began on 6 April 2024
    [InlineData(2025, 4, 6, 2025)] // 6 April: the new tax year
    [InlineData(2026, 1, 15, 2025)]
    public void UkTaxYear_Of_RunsFromSixthAprilToFifthApril(int year, int month, int day, int startYear)
    {
        var taxYear = UkTaxYear.Of(new DateOnly(year, month, day));

        taxYear.StartYear.Should().Be(startYear);
        taxYear.Start.Should().Be(new DateOnly(startYear, 4, 6));
        taxYear.End.Should().Be(new DateOnly(startYear + 1, 4, 5));
    }

    [Fact]
    public void UkTaxYear_ToString_NamesBothYears() => new UkTaxYear(2025).ToString().Should().Be("2025-26");
}
