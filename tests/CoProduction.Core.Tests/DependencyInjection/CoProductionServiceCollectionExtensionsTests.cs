using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoProduction.Core.Tests.DependencyInjection;

public sealed class CoProductionServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCoProduction_NoStoreChosen_ResolvingAStoreSaysHowToChooseOne()
    {
        var services = new ServiceCollection();
        services.AddCoProduction(o => o.OrganisationId = Guid.NewGuid());
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        var act = () => scope.ServiceProvider.GetRequiredService<IParticipantStore>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*UseInMemoryStores()*UseSqlite*UsePostgreSql*");
        var options = () => provider.GetRequiredService<IOptions<CoProductionOptions>>().Value;
        options.Should().Throw<OptionsValidationException>().WithMessage("*No store was chosen*");
    }

    [Fact]
    public void AddCoProduction_CalledTwice_RegistersOnceAndAppliesBothConfigurations()
    {
        var services = new ServiceCollection();
        services.AddCoProduction(o => o.Payments.CurrencyCode = "EUR");
        var countAfterFirst = services.Count;
        services.AddCoProduction(o => o.Payments.PaymentTargetDays = 14).UseInMemoryStores();
        services.AddCoProduction().UseInMemoryStores();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        services.Count(d => d.ServiceType == typeof(ParticipantService)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IParticipantStore)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IValidateOptions<CoProductionOptions>)).Should().Be(1);
        services.Count.Should().BeGreaterThan(countAfterFirst);
        var options = provider.GetRequiredService<IOptions<CoProductionOptions>>().Value;
        options.Payments.CurrencyCode.Should().Be("EUR");
        options.Payments.PaymentTargetDays.Should().Be(14);
    }

    [Fact]
    public void UseInMemoryStores_EveryStoreContractResolves()
    {
        var services = new ServiceCollection();
        services.AddCoProduction(o => o.OrganisationId = Guid.NewGuid()).UseInMemoryStores();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using var scope = provider.CreateScope();

        CoProductionStores.Contracts.Should().Contain([typeof(IEventOutbox), typeof(IParticipantStore), typeof(IPaymentClaimStore), typeof(IInvolvementActivityStore)]);
        foreach (var contract in CoProductionStores.Contracts)
        {
            scope.ServiceProvider.GetRequiredService(contract).Should().NotBeNull(contract.Name);
        }
    }

    [Fact]
    public void Options_SeveralMistakes_ReportsEveryOneAtOnce()
    {
        var services = new ServiceCollection();
        services.AddCoProduction(o =>
        {
            o.OrganisationId = Guid.Empty;
            o.Payments.CurrencyCode = "pounds";
            o.Payments.PaymentTargetDays = 0;
            var version = new PaymentPolicyVersion { EffectiveFrom = new DateOnly(2025, 4, 6), HalfDayFromHours = 6, FullDayFromHours = 5, BillingBlockMinutes = 0 };
            version.Rates.Add(new RoleRate { RoleLevel = "Partner", HourlyRate = 20 });
            version.Rates.Add(new RoleRate { RoleLevel = "Lead", HourlyRate = 25 });
            version.Rates.Add(new RoleRate { RoleLevel = "partner", HourlyRate = -1 });
            version.Rates.Add(new RoleRate { RoleLevel = " ", HourlyRate = 10, HalfDayRate = 50, FullDayRate = 40 });
            o.Payments.Policy.Name = "Trust policy";
            o.Payments.Policy.Versions.Add(version);
        }).UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<CoProductionOptions>>().Value;

        var failures = act.Should().Throw<OptionsValidationException>().Which.Failures.ToList();
        failures.Should().HaveCount(9);
        failures.Should().Contain(f => f.Contains("OrganisationId is an empty GUID", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("CurrencyCode 'pounds'", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("PaymentTargetDays is 0", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Rates[2].RoleLevel 'partner' appears more than once", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Rates[2] has a negative rate", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Rates[3].RoleLevel is blank", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Rates[3].FullDayRate (40) is less than its HalfDayRate (50)", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("FullDayFromHours (5) must be more than HalfDayFromHours (6)", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Versions[0].BillingBlockMinutes is 0", StringComparison.Ordinal));
    }

    [Fact]
    public void AddCoProduction_NullServices_ThrowsNamingParameter()
    {
        var act = () => CoProductionServiceCollectionExtensions.AddCoProduction(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("services");
    }

    [Fact]
    public void OrganisationContext_NotSet_SaysHowToSetIt()
    {
        var services = new ServiceCollection();
        services.AddCoProduction().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        var act = () => scope.ServiceProvider.GetRequiredService<CoProduction.Primitives.IOrganisationContext>().CurrentOrganisationId;

        act.Should().Throw<InvalidOperationException>().WithMessage("*SetCurrent*CoProductionOptions.OrganisationId*");
    }

    [Fact]
    public async Task AddDomainEventHandler_HandlerCalledAfterCommitOnce()
    {
        var services = new ServiceCollection();
        services.AddSingleton<List<ParticipantId>>();
        services.AddCoProduction(o => o.OrganisationId = Guid.NewGuid())
            .UseInMemoryStores()
            .AddDomainEventHandler<CoProduction.People.Events.ParticipantRegistered, RecordingHandler>()
            .AddDomainEventHandler<CoProduction.People.Events.ParticipantRegistered, RecordingHandler>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var partner = await scope.ServiceProvider.GetRequiredService<ParticipantService>().RegisterAsync("Patient partner A", [ParticipantRole.PatientPartner], CancellationToken.None);

        provider.GetRequiredService<List<ParticipantId>>().Should().Equal(partner.Id);
    }

    private sealed class RecordingHandler(List<ParticipantId> seen) : CoProduction.Primitives.IDomainEventHandler<CoProduction.People.Events.ParticipantRegistered>
    {
        public Task HandleAsync(CoProduction.People.Events.ParticipantRegistered domainEvent, CancellationToken cancellationToken)
        {
            seen.Add(domainEvent.ParticipantId);
            return Task.CompletedTask;
        }
    }
}
