using System.Collections.Concurrent;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Storage.Specification;

/// <summary>
/// Concurrent writers: 8 writers each try 200 times to load the same participant, add an accessibility need of their
/// own and save. Every attempt is either stored or refused with <see cref="ConcurrencyConflictException"/>; at the
/// end the participant holds exactly the needs of the stored attempts, its version counts them, and its outbox holds
/// one event per stored attempt: no update is lost, and none is half-written.
/// </summary>
public abstract class ConcurrencySpecification : StoreSpecification
{
    /// <summary>The number of concurrent writers.</summary>
    protected const int Writers = 8;

    /// <summary>The attempts each writer makes.</summary>
    protected const int AttemptsPerWriter = 200;

    [Fact]
    public async Task UpdateAsync_EightConcurrentWriters_EveryUpdateStoredOrRefusedAndNoneLost()
    {
        var ct = TestContext.Current.CancellationToken;
        var participant = Participant.Register(OrganisationA, "Patient partner A", [ParticipantRole.PatientPartner], Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, ct));
        var stored = new ConcurrentBag<string>();
        var refused = 0;
        var failures = new ConcurrentBag<Exception>();
        using var start = new ManualResetEventSlim();

        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(
            async () =>
            {
                start.Wait(ct);
                for (var attempt = 0; attempt < AttemptsPerWriter; attempt++)
                {
                    var need = $"Need of writer {writer}, attempt {attempt}";
                    try
                    {
                        await WithStore<IParticipantStore>(OrganisationA, async store =>
                        {
                            var loaded = (await store.FindAsync(participant.Id, ct))!;
                            loaded.ChangeAccessibilityNeeds([.. loaded.AccessibilityNeeds, new AccessibilityNeed(need, null)], Clock);
                            await store.UpdateAsync(loaded, ct);
                        });
                        stored.Add(need);
                    }
                    catch (ConcurrencyConflictException)
                    {
                        Interlocked.Increment(ref refused);
                    }
                    catch (Exception ex)
                    {
                        failures.Add(ex);
                    }
                }
            },
            ct)).ToList();
        start.Set();
        await Task.WhenAll(writers);

        TestContext.Current.TestOutputHelper?.WriteLine($"{stored.Count} updates stored, {refused} refused with ConcurrencyConflictException.");
        failures.Should().BeEmpty("every attempt must be either stored or refused with ConcurrencyConflictException");
        (stored.Count + refused).Should().Be(Writers * AttemptsPerWriter);
        stored.Should().NotBeEmpty();
        var final = (await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, ct)))!;

        // Version 1 from the add, then one more per stored update.
        final.Version.Should().Be(1 + stored.Count);
        final.AccessibilityNeeds.Select(n => n.Need).Should().BeEquivalentTo(stored);
        var events = await WithStore<IEventOutbox, IReadOnlyList<OutboxMessage>>(OrganisationA, o => o.ListForAggregateAsync(participant.Id.Value, ct));

        // One registration event, then one "accessibility changed" event per stored update, at versions 1, 2, ...
        events.Should().HaveCount(1 + stored.Count);
        events.Select(e => e.AggregateVersion).Should().Equal(Enumerable.Range(1, 1 + stored.Count).Select(v => (long)v));
    }
}
