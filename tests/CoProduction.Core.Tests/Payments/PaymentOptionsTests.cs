using CoProduction.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoProduction.Core.Tests.Payments;

public sealed class PaymentOptionsTests
{
    // As an appsettings.json section "CoProduction" would hold it: a trust's own card, naming a level the defaults also have.
    private static readonly Dictionary<string, string?> TrustRateCard = new()
    {
        ["CoProduction:Payments:CurrencyCode"] = "GBP",
        ["CoProduction:Payments:RateCard:Rates:0:RoleLevel"] = "Partner",
        ["CoProduction:Payments:RateCard:Rates:0:HourlyRate"] = "22.50",
        ["CoProduction:Payments:RateCard:Rates:0:HalfDayRate"] = "80",
        ["CoProduction:Payments:RateCard:Rates:0:FullDayRate"] = "160",
        ["CoProduction:Payments:RateCard:Rates:1:RoleLevel"] = "Lead",
        ["CoProduction:Payments:RateCard:Rates:1:HourlyRate"] = "30",
    };

    [Fact]
    public void Bind_ConfiguredRates_ReplaceTheBuiltInRates()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TrustRateCard).Build();
        var options = new CoProductionOptions();

        configuration.GetSection("CoProduction").Bind(options);

        var card = options.Payments.RateCard;
        card.UsesDefaultRates.Should().BeFalse();
        card.Rates.Select(r => (r.RoleLevel, r.HourlyRate, r.HalfDayRate, r.FullDayRate)).Should().Equal(("Partner", 22.50m, 80m, 160m), ("Lead", 30m, null, null));
        card.Validate().Should().BeEmpty();
        card.FindRate("Participant").Should().BeNull("a level the configuration leaves out is not paid");
    }

    [Fact]
    public void AddCoProduction_RatesFromConfiguration_StartsAndPricesWithOnlyTheConfiguredRates()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TrustRateCard).Build();
        var services = new ServiceCollection();
        services.AddCoProduction().UseInMemoryStores();
        services.Configure<CoProductionOptions>(configuration.GetSection("CoProduction"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<CoProductionOptions>>().Value;

        options.Payments.RateCard.Rates.Select(r => r.RoleLevel).Should().Equal("Partner", "Lead");
        options.Payments.RateCard.Calculate("Partner", TimeSpan.FromHours(1)).Amount.Should().Be(22.50m);
    }

    [Fact]
    public void Bind_NoRatesConfigured_KeepsTheBuiltInRates()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CoProduction:Payments:CurrencyCode"] = "EUR" }).Build();
        var options = new CoProductionOptions();

        configuration.GetSection("CoProduction").Bind(options);

        options.Payments.RateCard.UsesDefaultRates.Should().BeTrue();
        options.Payments.RateCard.Rates.Select(r => r.RoleLevel).Should().Equal("Participant", "Partner", "Lead");
    }

    [Fact]
    public void RatesAdd_InCode_ReplacesTheBuiltInRatesAndKeepsLaterAdditions()
    {
        // The README's quick start: the rates added in code are the card.
        var services = new ServiceCollection();
        services.AddCoProduction(options =>
        {
            options.Payments.RateCard.Rates.Add(new RoleRate { RoleLevel = "Partner", HourlyRate = 20m, HalfDayRate = 75m, FullDayRate = 150m });
            options.Payments.RateCard.Rates.Add(new RoleRate { RoleLevel = "Lead", HourlyRate = 25m, HalfDayRate = 100m, FullDayRate = 200m });
            options.Payments.RateCard.Rates.Add(new RoleRate { RoleLevel = "Chair", HourlyRate = 30m, HalfDayRate = 110m, FullDayRate = 220m });
        }).UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        var card = provider.GetRequiredService<IOptions<CoProductionOptions>>().Value.Payments.RateCard;

        card.Rates.Select(r => r.RoleLevel).Should().Equal("Partner", "Lead", "Chair");
        card.Calculate("Chair", TimeSpan.FromHours(6)).Should().Be(new PaymentCalculation(220m, PaymentBasis.FullDay, 6m) { Rate = 220m });
    }

    [Fact]
    public void CreateDefaultRates_Twice_ReturnsFreshCopies()
    {
        var first = RateCard.CreateDefaultRates();

        first[0].HourlyRate = 99m;

        RateCard.CreateDefaultRates()[0].HourlyRate.Should().Be(15.00m);
        new RateCard().Rates[0].HourlyRate.Should().Be(15.00m);
    }

    [Fact]
    public void Bind_DatedPolicyFromConfiguration_PricesByVersionAndValidates()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CoProduction:Payments:Policy:Name"] = "Trust involvement policy",
            ["CoProduction:Payments:Policy:PaymentTargetDays"] = "21",
            ["CoProduction:Payments:Policy:Versions:0:EffectiveFrom"] = "2025-01-01",
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
