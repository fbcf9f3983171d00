using CoProduction.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoProduction.Core.Tests.Payments;

public sealed class PaymentOptionsTests
{
    [Fact]
    public void Defaults_HaveNoPolicyAndNoRates_AndValidate()
    {
        // Nothing prices claims until a policy is given: no built-in rates, boundaries or blocks.
        var options = new PaymentOptions();

        options.Policy.Versions.Should().BeEmpty();
        options.Policy.VersionOn(new DateOnly(2025, 3, 1)).Should().BeNull();
        options.Validate().Should().BeEmpty("the library's other areas work without payments; a claim is refused when submitted");
    }

    [Fact]
    public void Validate_DayAndBlockRatesWithoutTheirBoundaries_NamesEachMissingOne_ThereIsNoDefault()
    {
        // The complaint: with hidden defaults a 4.5-hour meeting paid a half day. Now a boundary must be given.
        var options = new PaymentOptions();
        var version = new PaymentPolicyVersion { EffectiveFrom = new DateOnly(2025, 4, 6) };
        version.Rates.Add(new RoleRate { RoleLevel = "Partner", HalfDayRate = 75m, FullDayRate = 150m });
        version.Rates.Add(new RoleRate { RoleLevel = "Reader", RatePerBlock = 20m });
        options.Policy.Name = "Trust policy";
        options.Policy.Versions.Add(version);

        var failures = options.Validate();

        failures.Should().HaveCount(3);
        failures.Should().ContainSingle(f => f.Contains("HalfDayFromHours is not set, but a rate has a HalfDayRate", StringComparison.Ordinal));
        failures.Should().ContainSingle(f => f.Contains("FullDayFromHours is not set, but a rate has a FullDayRate", StringComparison.Ordinal) && f.Contains("there is no default", StringComparison.Ordinal));
        failures.Should().ContainSingle(f => f.Contains("BillingBlockMinutes is not set, but a rate has a RatePerBlock", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_HourlyRateWithNoBlock_PaysTheExactTime()
    {
        var version = new PaymentPolicyVersion { EffectiveFrom = new DateOnly(2025, 4, 6) };
        version.Rates.Add(new RoleRate { RoleLevel = "Partner", HourlyRate = 18m });

        // 100 minutes x 18.00 an hour = 30.00, with no rounding up to a block.
        var paid = version.Calculate("Partner", TimeSpan.FromMinutes(100));

        (paid.Amount, paid.Basis, paid.Rate).Should().Be((30.00m, PaymentBasis.Hourly, 18m));
        paid.Hours.Should().BeApproximately(100m / 60m, 0.0001m);
    }

    [Fact]
    public void Bind_PolicyNamedButWithoutVersions_FailsAtStartUpSayingToAddOne()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CoProduction:Payments:Policy:Name"] = "Trust involvement policy",
        }).Build();
        var services = new ServiceCollection();
        services.AddCoProduction().UseInMemoryStores();
        services.Configure<CoProductionOptions>(configuration.GetSection("CoProduction"));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<CoProductionOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().Contain("Payments.Policy.Versions is empty").And.Contain("add at least one version");
    }

    [Fact]
    public void EveryPreset_WithTheDefaultProgrammeOptions_StartsUp_ExceptTheActivityTableUntilFacilitationIsGivenATask()
    {
        foreach (var preset in PaymentPolicyPresets.All())
        {
            var services = new ServiceCollection();
            services.AddCoProduction(o => o.Payments.UsePolicy(preset)).UseInMemoryStores();
            using var provider = services.BuildServiceProvider();
            var act = () => provider.GetRequiredService<IOptions<CoProductionOptions>>().Value;

            if (preset.Name == PaymentPolicyPresets.ActivityBased().Name)
            {
                act.Should().Throw<OptionsValidationException>().Which.Failures.Should().HaveCount(2)
                    .And.OnlyContain(f => f.Contains("is 'Partner', which is not a role level of the payment policy version", StringComparison.Ordinal) && f.Contains("use one of Review and comment", StringComparison.Ordinal));
            }
            else
            {
                act.Should().NotThrow(preset.Name);
            }
        }
    }

    [Fact]
    public void UsePolicy_CopiesThePreset_SoLaterEditsToEitherStayApart()
    {
        var preset = PaymentPolicyPresets.NhsEnglandPpvLevel4();
        var options = new PaymentOptions();

        var inUse = options.UsePolicy(preset);
        inUse.Versions[0].Rates[0].FullDayRate = 160m;

        preset.Versions[0].Rates[0].FullDayRate.Should().Be(150m);
        options.Policy.Should().BeSameAs(inUse);
        options.Policy.VersionOn(new DateOnly(2025, 3, 1))!.Calculate(PaymentPolicyPresets.PartnerLevel, TimeSpan.FromHours(4.5)).Amount.Should().Be(160m, "a 4.5-hour meeting is a full day under this policy");
    }

    [Fact]
    public void Bind_DatedPolicyFromConfiguration_PricesByVersionAndValidates()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CoProduction:Payments:Policy:Name"] = "Trust involvement policy",
            ["CoProduction:Payments:Policy:PaymentTargetDays"] = "21",
            ["CoProduction:Payments:Policy:Versions:0:EffectiveFrom"] = "2025-01-01",
            ["CoProduction:Payments:Policy:Versions:0:HalfDayFromHours"] = "0",
            ["CoProduction:Payments:Policy:Versions:0:FullDayFromHours"] = "4",
            ["CoProduction:Payments:Policy:Versions:0:BoundaryInUpperBand"] = "false",
            ["CoProduction:Payments:Policy:Versions:0:Rates:0:RoleLevel"] = "Partner",
            ["CoProduction:Payments:Policy:Versions:0:Rates:0:HalfDayRate"] = "75",
            ["CoProduction:Payments:Policy:Versions:0:Rates:0:FullDayRate"] = "150",
            ["CoProduction:Payments:Policy:Versions:0:Mileage:CarRatePerMile"] = "0.45",
            ["CoProduction:Payments:ReceiptRequiredAboveByKind:Childcare"] = "0",
            ["CoProduction:Payments:BenefitsAdviceRule"] = "Warn",
        }).Build();
        var options = new CoProductionOptions();

        configuration.GetSection("CoProduction").Bind(options);

        var policy = options.Payments.Policy;
        policy.VersionOn(new DateOnly(2025, 3, 1))!.Calculate("Partner", TimeSpan.FromHours(4)).Amount.Should().Be(75m, "exactly 4 hours falls in the lower band under this configuration");
        policy.Versions[0].Mileage.CarRatePerMile.Should().Be(0.45m);
        policy.PaymentTargetDays.Should().Be(21);
        options.Payments.ReceiptRequiredAboveByKind[ExpenseKind.Childcare].Should().Be(0m);
        options.Payments.BenefitsAdviceRule.Should().Be(BenefitsAdviceRule.Warn);
        options.Payments.Validate().Should().BeEmpty();
    }
}
