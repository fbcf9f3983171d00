using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoProduction.Storage.Specification;

/// <summary>What every store provider must register: an implementation of every store contract, and its name.</summary>
public abstract class StoreRegistrationSpecification : StoreSpecification
{
    /// <summary>Gets the name the provider records with <c>SetStoreProvider</c>, such as <c>sqlite</c>.</summary>
    protected abstract string ExpectedProviderName { get; }

    [Fact]
    public async Task Contracts_EveryStoreContract_ResolvesToAnImplementation()
    {
        await using var scope = ScopeFor(OrganisationA);

        foreach (var contract in CoProductionStores.Contracts)
        {
            var resolve = () => scope.ServiceProvider.GetRequiredService(contract);

            resolve.Should().NotThrow($"the provider must implement {contract.Name}").Which.Should().BeAssignableTo(contract);
        }
    }

    [Fact]
    public void Options_StoreProvider_IsRecorded()
    {
        Services.GetRequiredService<IOptions<CoProductionOptions>>().Value.StoreProvider.Should().Be(ExpectedProviderName);
    }

    [Fact]
    public async Task Stores_NoOrganisationSet_FailWithAClearMessage()
    {
        await using var scope = Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<People.IParticipantStore>();

        var find = async () => await store.FindAsync(People.ParticipantId.New(), TestContext.Current.CancellationToken);

        (await find.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain(nameof(OrganisationContext.SetCurrent));
    }
}
