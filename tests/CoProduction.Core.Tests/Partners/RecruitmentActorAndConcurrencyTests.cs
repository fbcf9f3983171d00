using CoProduction.Core.Tests.TestSupport;
using CoProduction.Partners;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Storage;
using CoProduction.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using static CoProduction.Core.Tests.Partners.PartnerWorld;

namespace CoProduction.Core.Tests.Partners;

public sealed class RecruitmentActorAndConcurrencyTests
{
    [Fact]
    public async Task DecideAsync_RecordsTheActorAsTheDecider()
    {
        await using var world = Create();
        var lead = await world.ActAsStaffAsync();
        var opportunity = await world.PublishedRoleAsync();
        var person = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var interest = await world.Recruitment.ExpressInterestAsync(opportunity.Id, person, "Stroke survivor", Availability.Weekends, null, None);

        var decided = await world.Recruitment.DecideAsync(opportunity.Id, interest.Id, SelectionOutcome.Selected, "Good fit", None);

        decided.DecidedBy.Should().Be(lead);
        (await world.Recruitment.FindAsync(opportunity.Id, None))!.FindExpression(interest.Id)!.DecidedBy.Should().Be(lead);
    }

    [Fact]
    public async Task DecideAsync_BySystemProcessPartnerOrErasedStaff_IsForbidden_AndNothingIsDecided()
    {
        await using var world = Create();
        var lead = await world.ActAsStaffAsync();
        var opportunity = await world.PublishedRoleAsync();
        var person = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var interest = await world.Recruitment.ExpressInterestAsync(opportunity.Id, person, "Stroke survivor", Availability.Weekends, null, None);
        var formerStaff = await world.RegisterAsync("Staff member Y", ParticipantRole.Staff);
        await world.People.EraseAsync(formerStaff, None);

        world.Services.GetRequiredService<ActorContext>().SetCurrent(Actor.ForSystemProcess("recruitment-import"));
        await ExpectForbiddenAsync("a system process");
        world.ActAs(person);
        await ExpectForbiddenAsync("not one of them");
        world.ActAs(formerStaff);
        await ExpectForbiddenAsync("not one of them");

        (await world.Recruitment.FindAsync(opportunity.Id, None))!.FindExpression(interest.Id)!.Outcome.Should().BeNull();

        async Task ExpectForbiddenAsync(string actorDescription)
        {
            var act = () => world.Recruitment.DecideAsync(opportunity.Id, interest.Id, SelectionOutcome.Selected, "Good fit", None);
            var refusal = (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which;
            refusal.Code.Should().Be(PartnerErrorCodes.NotParticipationTeam);
            refusal.Kind.Should().Be(ErrorKind.Forbidden);
            refusal.Message.Should().Contain(actorDescription);
        }
    }

    [Fact]
    public async Task DecideAsync_ByAnotherConfiguredTeamRole_IsAllowed()
    {
        await using var world = Create(o => o.Partners.ParticipationTeamRoles = [ParticipantRole.Staff, ParticipantRole.CommunityMember]);
        await world.ActAsStaffAsync();
        var opportunity = await world.PublishedRoleAsync();
        var person = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var interest = await world.Recruitment.ExpressInterestAsync(opportunity.Id, person, "Stroke survivor", Availability.Weekends, null, None);
        var facilitator = await world.RegisterAsync("Community member F", ParticipantRole.CommunityMember);
        world.ActAs(facilitator);

        var decided = await world.Recruitment.DecideAsync(opportunity.Id, interest.Id, SelectionOutcome.NotSelected, "Weekday meetings only", None);

        decided.DecidedBy.Should().Be(facilitator);
    }

    [Fact]
    public async Task ExpressInterestAsync_TwoPeopleAtTheSameMoment_BothSucceed()
    {
        // A's command reads the opportunity; before it writes, B's command (another scope) reads, adds and saves its
        // own expression. A's first write is then stale, and the service re-reads and re-applies.
        await using var host = InterleavedHost.Create();
        var (opportunityId, a, b) = await host.PublishedWithTwoPeopleAsync();
        host.Interleaving.BeforeNextUpdate = async () =>
        {
            await using var other = host.Scope();
            await other.ServiceProvider.GetRequiredService<RecruitmentService>().ExpressInterestAsync(opportunityId, b, "Carer for my father after his stroke", Availability.Weekends, null, None);
        };

        await using var scope = host.Scope();
        var mine = await scope.ServiceProvider.GetRequiredService<RecruitmentService>().ExpressInterestAsync(opportunityId, a, "Stroke survivor", Availability.WeekdayMornings, null, None);

        host.Interleaving.ConflictsSeen.Should().Be(1, "A's first write met B's saved change");
        await using var check = host.Scope();
        var stored = await check.ServiceProvider.GetRequiredService<RecruitmentService>().FindAsync(opportunityId, None);
        stored!.Expressions.Select(e => e.ParticipantId).Should().BeEquivalentTo([a, b]);
        stored.FindExpression(mine.Id)!.LivedExperience.Should().Be("Stroke survivor");
    }

    [Fact]
    public async Task ExpressInterestAsync_OthersChangeTheOpportunityOnEveryAttempt_GivesUpAfterThree()
    {
        await using var host = InterleavedHost.Create();
        var (opportunityId, a, _) = await host.PublishedWithTwoPeopleAsync();
        var others = 0;
        host.Interleaving.Always = true;
        host.Interleaving.BeforeNextUpdate = async () =>
        {
            await using var other = host.Scope();
            var someone = (await other.ServiceProvider.GetRequiredService<ParticipantService>().RegisterAsync($"Patient partner Z{++others}", [ParticipantRole.PatientPartner], None)).Id;
            await other.ServiceProvider.GetRequiredService<RecruitmentService>().ExpressInterestAsync(opportunityId, someone, "Stroke survivor", Availability.Weekends, null, None);
        };

        await using var scope = host.Scope();
        var act = () => scope.ServiceProvider.GetRequiredService<RecruitmentService>().ExpressInterestAsync(opportunityId, a, "Stroke survivor", Availability.WeekdayMornings, null, None);

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        host.Interleaving.ConflictsSeen.Should().Be(RecruitmentService.ExpressInterestAttempts);
        host.Interleaving.Always = false;
        await using var check = host.Scope();
        var stored = await check.ServiceProvider.GetRequiredService<RecruitmentService>().FindAsync(opportunityId, None);
        stored!.Expressions.Should().HaveCount(3).And.NotContain(e => e.ParticipantId == a);
    }

    /// <summary>Runs someone else's command just before the next write of an opportunity, and counts the conflicts that follow.</summary>
    private sealed class Interleaving
    {
        public Func<Task>? BeforeNextUpdate { get; set; }

        public bool Always { get; set; }

        public int ConflictsSeen { get; set; }

        public bool Running { get; set; }
    }

    private sealed class InterleavingOpportunityStore(InMemoryOpportunityStore inner, Interleaving interleaving) : IOpportunityStore
    {
        public ValueTask<Opportunity?> FindAsync(OpportunityId id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

        public Task AddAsync(Opportunity aggregate, CancellationToken cancellationToken) => inner.AddAsync(aggregate, cancellationToken);

        public async Task UpdateAsync(Opportunity aggregate, CancellationToken cancellationToken)
        {
            if (interleaving.BeforeNextUpdate is { } other && !interleaving.Running)
            {
                interleaving.Running = true;
                try
                {
                    await other();
                }
                finally
                {
                    interleaving.Running = false;
                    if (!interleaving.Always)
                    {
                        interleaving.BeforeNextUpdate = null;
                    }
                }
            }

            try
            {
                await inner.UpdateAsync(aggregate, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (!interleaving.Running)
            {
                interleaving.ConflictsSeen++;
                throw;
            }
        }

        public Task<Page<Opportunity>> ListPageAsync(PageRequest page, CancellationToken cancellationToken) => inner.ListPageAsync(page, cancellationToken);

        public Task<IReadOnlyList<Opportunity>> ListAsync(OpportunityStatus? status, CancellationToken cancellationToken) => inner.ListAsync(status, cancellationToken);

        public Task<IReadOnlyList<Opportunity>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken) => inner.ListForParticipantAsync(participantId, cancellationToken);
    }

    private sealed class InterleavedHost : IAsyncDisposable
    {
        private readonly ServiceProvider _provider;
        private readonly OrganisationId _trust = OrganisationId.New();

        private InterleavedHost(ServiceProvider provider) => _provider = provider;

        public Interleaving Interleaving => _provider.GetRequiredService<Interleaving>();

        public static InterleavedHost Create()
        {
            var collection = new ServiceCollection();
            collection.AddSingleton<TimeProvider>(new FakeTimeProvider(TestHost.Start));
            collection.AddCoProduction().UseInMemoryStores();
            collection.AddSingleton<Interleaving>();
            collection.AddScoped<InMemoryOpportunityStore>();
            collection.Replace(ServiceDescriptor.Scoped<IOpportunityStore, InterleavingOpportunityStore>());
            return new InterleavedHost(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
        }

        public AsyncServiceScope Scope()
        {
            var scope = _provider.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<OrganisationContext>().SetCurrent(_trust);
            return scope;
        }

        public async Task<(OpportunityId Opportunity, ParticipantId A, ParticipantId B)> PublishedWithTwoPeopleAsync()
        {
            await using var scope = Scope();
            var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();
            var a = (await people.RegisterAsync("Patient partner A", [ParticipantRole.PatientPartner], None)).Id;
            var b = (await people.RegisterAsync("Patient partner B", [ParticipantRole.PatientPartner], None)).Id;
            var recruitment = scope.ServiceProvider.GetRequiredService<RecruitmentService>();
            var draft = await recruitment.DraftAsync(Role(), new DateOnly(2025, 4, 30), [new(OnboardingCheckKind.InvolvementAgreement)], null, ["stroke"], Availability.None, None);
            await recruitment.PublishAsync(draft.Id, None);
            return (draft.Id, a, b);
        }

        public ValueTask DisposeAsync() => _provider.DisposeAsync();
    }
}
