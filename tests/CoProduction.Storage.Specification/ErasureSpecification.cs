using System.Text.Json;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Programmes.Pathways;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.Specification;

/// <summary>
/// Erasure reaches every area through the store: after <see cref="ParticipantService.EraseAsync"/>, none of the
/// person's distinctive strings (name, contact details, their words in activity and expense descriptions, pathway
/// notes) can be read back from any aggregate or from their subject-access export, while another person's data, stored
/// alongside, is intact.
/// </summary>
public abstract class ErasureSpecification : StoreSpecification
{
    private static readonly string[] Distinctive =
    [
        "Zebedee Quartermaine",
        "zebedee.quartermaine@example.org",
        "01632 960777",
        "admission to Ward 5 for my bipolar disorder",
        "Taxi home from the Ward 5 review",
        "debrief with my community psychiatric nurse",
    ];

    [Fact]
    public async Task EraseAsync_PersonInvolvedInSeveralAreas_LeavesNoneOfTheirStringsInAnyStoredRecord_AndOthersIntact()
    {
        var ct = TestContext.Current.CancellationToken;
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var (person, other) = await InScopeAsync(async sp =>
        {
            var people = sp.GetRequiredService<ParticipantService>();
            var registered = await people.RegisterAsync(Distinctive[0], [ParticipantRole.PatientPartner], ct);
            await people.ChangeContactDetailsAsync(registered.Id, new ContactDetails(Distinctive[1], Distinctive[2], null, ContactMethod.Email), ct);
            var someoneElse = await people.RegisterAsync("Patient partner B", [ParticipantRole.PatientPartner], ct);
            return (registered.Id, someoneElse.Id);
        });
        await InScopeAsync(async sp =>
        {
            var payments = sp.GetRequiredService<PaymentService>();
            var mine = await payments.RecordActivityAsync(person, InvolvementActivityKind.PanelMeeting, today.AddDays(-2), TimeSpan.FromHours(2), "Partner", $"Told the panel about my {Distinctive[3]}", null, ct);
            await payments.SubmitClaimAsync(person, [mine.Id], [new Expense(ExpenseKind.Travel, 18.50m, true, Distinctive[4])], ct);
            await payments.RecordActivityAsync(other, InvolvementActivityKind.PanelMeeting, today.AddDays(-2), TimeSpan.FromHours(2), "Partner", "Partner B's own account of the meeting", null, ct);
            var pathways = sp.GetRequiredService<PatientTrainerPathwayService>();
            var pathway = await pathways.StartAsync(person, today.AddDays(-30), ct);
            await pathways.RecordEvidenceAsync(pathway.Id, EvidenceKind.Supervision, today.AddDays(-3), $"Agreed a {Distinctive[5]}", ct);
            return 0;
        });

        await InScopeAsync(sp => sp.GetRequiredService<ParticipantService>().EraseAsync(person, ct));

        var stored = await InScopeAsync(async sp => JsonSerializer.Serialize(
            new object?[]
            {
                await sp.GetRequiredService<IParticipantStore>().FindAsync(person, ct),
                await sp.GetRequiredService<IInvolvementActivityStore>().ListForParticipantAsync(person, ct),
                await sp.GetRequiredService<IPaymentClaimStore>().ListForParticipantAsync(person, ct),
                await sp.GetRequiredService<IPatientTrainerPathwayStore>().FindByParticipantAsync(person, ct),
            },
            CoProductionJson.Options));
        var export = await InScopeAsync(async sp => (await sp.GetRequiredService<ParticipantService>().ExportAsync(person, ct)).ToJson());
        var othersActivities = await InScopeAsync(async sp => await sp.GetRequiredService<IInvolvementActivityStore>().ListForParticipantAsync(other, ct));

        foreach (var text in Distinctive)
        {
            stored.Should().NotContain(text, "erasure removes the person's strings from every area's records");
            export.Should().NotContain(text);
        }

        stored.Should().Contain(PersonalData.RemovedOnErasure);
        othersActivities.Should().ContainSingle().Which.Description.Should().Be("Partner B's own account of the meeting", "another person's words are untouched");

        if (await ReadStoredBytesAsync() is { } raw)
        {
            foreach (var text in Distinctive)
            {
                raw.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)).Should().Be(-1, $"'{text}' must not stay readable in the store's files after erasure");
            }

            raw.AsSpan().IndexOf("Partner B's own account of the meeting"u8).Should().BeGreaterThan(-1, "the scan reads the files where the data is");
        }
    }

    /// <summary>
    /// Reads every byte the store keeps on disk (a SQLite file and its WAL, a dump of a database), with the store still
    /// in use, to look for an erased person's strings; <see langword="null"/> when the store keeps nothing on disk.
    /// </summary>
    /// <returns>The bytes, or <see langword="null"/>.</returns>
    protected virtual Task<byte[]?> ReadStoredBytesAsync() => Task.FromResult<byte[]?>(null);

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = ScopeFor(OrganisationA);
        return await work(scope.ServiceProvider);
    }
}
