using BenchmarkDotNet.Attributes;
using CoProduction.People;
using CoProduction.People.Events;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Benchmarks;

/// <summary>
/// A typical participant (two roles, contact details, two accessibility needs, a payment preference, three consents,
/// diversity answers) saved after one change (the preferred name, alternating between two spellings), by the store and
/// by hand-written ADO.NET that sends the minimal statements for the same work.
/// </summary>
public partial class StoreBenchmark
{
    private Participant? _participant;
    private Participant? _baselineParticipant;
    private long _baselineParticipantVersion = 1;
    private int _participantToggle;
    private int _baselineParticipantToggle;

    /// <summary>Changes the participant's preferred name and saves it through its store.</summary>
    [Benchmark]
    public async Task SaveParticipantAfterOneChange()
    {
        var participant = _participant!;
        participant.Rename("Patient partner A", ++_participantToggle % 2 == 0 ? "Partner A" : "A", TimeProvider.System);
        await using var scope = ScopeFor(_organisation);
        await scope.ServiceProvider.GetRequiredService<IParticipantStore>().UpdateAsync(participant, CancellationToken.None);
    }

    /// <summary>
    /// The hand-written save of the same change: the root row's preferred name and version in one statement that
    /// checks the expected version, then the event, in one transaction.
    /// </summary>
    [Benchmark]
    public async Task RawAdoNetSaveParticipantAfterOneChange()
    {
        var participant = _baselineParticipant!;
        var preferred = ++_baselineParticipantToggle % 2 == 0 ? "Partner A" : "A";
        await using var connection = OpenBaselineConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = TimeProvider.System.GetUtcNow();
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE participants SET preferred_name = @preferred, version = @next WHERE id = @id AND version = @expected";
            IdParameter(update, "id", participant.Id.Value);
            ValueParameter(update, "preferred", preferred);
            ValueParameter(update, "next", _baselineParticipantVersion + 1);
            ValueParameter(update, "expected", _baselineParticipantVersion);
            if (await update.ExecuteNonQueryAsync() != 1)
            {
                throw new InvalidOperationException("The baseline participant was saved by someone else.");
            }
        }

        await InsertEventByHandAsync(
            connection,
            transaction,
            "Participant",
            participant.Id.Value,
            _baselineParticipantVersion + 1,
            typeof(ParticipantDetailsChanged),
            new ParticipantDetailsChanged(participant.Id, "name", now),
            now);
        await transaction.CommitAsync();
        _baselineParticipantVersion++;
    }

    /// <summary>Stores the participant the store benchmark saves (loaded, as a caller would have it) and its twin the hand-written one saves.</summary>
    private async Task SetUpParticipantsAsync()
    {
        await using var scope = ScopeFor(_organisation);
        var store = scope.ServiceProvider.GetRequiredService<IParticipantStore>();
        var participant = NewTypicalParticipant(_organisation);
        _baselineParticipant = NewTypicalParticipant(_organisation);
        await store.AddAsync(participant, CancellationToken.None);
        await store.AddAsync(_baselineParticipant, CancellationToken.None);
        _participant = await store.FindAsync(participant.Id, CancellationToken.None);
    }
}
