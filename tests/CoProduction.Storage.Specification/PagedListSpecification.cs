using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Storage.Specification;

/// <summary>
/// What every store's <see cref="IAggregateStore{TAggregate, TId}.ListPageAsync"/> must do: pages of the current
/// organisation's aggregates only, sorted by id as text (creation order for version-7 ids) either way, each aggregate
/// on exactly one page and whole (its child lists in order), the total count of every page, and an empty page beyond
/// the last. Shown on participants, whose records have child tables.
/// </summary>
public abstract class PagedListSpecification : StoreSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListPageAsync_SevenParticipantsInPagesOfThree_ReturnsEachOnceInIdOrderWithTheTotal()
    {
        var stored = await AddParticipantsAsync(OrganisationA, 7);
        await AddParticipantsAsync(OrganisationB, 2);

        var pages = new List<Page<Participant>>();
        var request = PageRequest.First(3);
        for (var i = 0; i < 3; i++)
        {
            pages.Add(await WithStore<IParticipantStore, Page<Participant>>(OrganisationA, s => s.ListPageAsync(request, Ct)));
            request = request.Next();
        }

        pages.Select(p => p.Items.Count).Should().Equal(3, 3, 1);
        pages.Should().AllSatisfy(p =>
        {
            p.TotalCount.Should().Be(7);
            p.PageCount.Should().Be(3);
        });
        pages.Select(p => p.HasNextPage).Should().Equal(true, true, false);
        pages.Select(p => p.Request.Number).Should().Equal(1, 2, 3);
        pages.SelectMany(p => p.Items).Select(p => p.Id).Should().Equal(InIdOrder(stored).Select(p => p.Id));
    }

    [Fact]
    public async Task ListPageAsync_NewestFirst_ReturnsTheIdsInDescendingOrder()
    {
        var stored = await AddParticipantsAsync(OrganisationA, 5);

        var first = await WithStore<IParticipantStore, Page<Participant>>(OrganisationA, s => s.ListPageAsync(PageRequest.First(4, ListOrder.NewestFirst), Ct));
        var second = await WithStore<IParticipantStore, Page<Participant>>(OrganisationA, s => s.ListPageAsync(new PageRequest(2, 4, ListOrder.NewestFirst), Ct));

        first.Items.Concat(second.Items).Select(p => p.Id).Should().Equal(InIdOrder(stored).Reverse().Select(p => p.Id));
        second.Items.Should().ContainSingle();
    }

    [Fact]
    public async Task ListPageAsync_PageOfFullRecords_ReturnsWholeCopiesAtTheirVersion()
    {
        var participant = NewFullParticipant(OrganisationA);
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));

        var page = await WithStore<IParticipantStore, Page<Participant>>(OrganisationA, s => s.ListPageAsync(default, Ct));

        page.Request.Size.Should().Be(PageRequest.DefaultSize);
        var found = page.Items.Should().ContainSingle().Subject;
        found.Version.Should().Be(1);
        found.PendingEvents.Should().BeEmpty();
        ShouldHoldSameState(found, participant);
        found.Should().NotBeSameAs(participant);
    }

    [Fact]
    public async Task ListPageAsync_BeyondTheLastPage_ReturnsNoItemsAndTheTotal()
    {
        await AddParticipantsAsync(OrganisationA, 2);

        var page = await WithStore<IParticipantStore, Page<Participant>>(OrganisationA, s => s.ListPageAsync(new PageRequest(3, 2), Ct));

        page.Items.Should().BeEmpty();
        page.TotalCount.Should().Be(2);
        page.HasNextPage.Should().BeFalse();
    }

    [Fact]
    public async Task ListPageAsync_OrganisationWithoutAggregates_ReturnsAnEmptyFirstPage()
    {
        await AddParticipantsAsync(OrganisationB, 3);

        var page = await WithStore<IParticipantStore, Page<Participant>>(OrganisationA, s => s.ListPageAsync(PageRequest.First(), Ct));

        page.Items.Should().BeEmpty();
        page.TotalCount.Should().Be(0);
        page.PageCount.Should().Be(0);
    }

    /// <summary>Registers and stores participants of an organisation.</summary>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="count">How many.</param>
    /// <returns>The stored participants, in the order they were registered.</returns>
    protected async Task<IReadOnlyList<Participant>> AddParticipantsAsync(OrganisationId organisationId, int count)
    {
        var added = new List<Participant>();
        for (var i = 0; i < count; i++)
        {
            var participant = Participant.Register(organisationId, $"Participant {i + 1}", [ParticipantRole.PatientPartner], Clock);
            await WithStore<IParticipantStore>(organisationId, s => s.AddAsync(participant, Ct));
            added.Add(participant);
        }

        return added;
    }

    /// <summary>The documented order of a paged list: by id as text, ordinal.</summary>
    /// <param name="aggregates">The aggregates.</param>
    /// <returns>Them, sorted.</returns>
    protected static IEnumerable<Participant> InIdOrder(IEnumerable<Participant> aggregates) =>
        aggregates.OrderBy(p => p.Id.Value.ToString("D"), StringComparer.Ordinal);
}
