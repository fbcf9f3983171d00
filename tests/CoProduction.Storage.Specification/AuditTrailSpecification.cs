using CoProduction.Audit;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.Specification;

/// <summary>
/// The audit trail says who: every stored event carries the actor of the command that raised it (the person set in
/// <see cref="ActorContext"/>, or the application's process when none is), the history of a record and the changes that
/// concern a person can be listed, a person's export shows their audit trail without naming anyone else, and
/// delivered events are purged after a retention while undelivered ones stay.
/// </summary>
public abstract class AuditTrailSpecification : StoreSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Gets a start long before every other specification's, so that the purge test's cut-off, in 2001, reaches no
    /// other test's events in a shared database.
    /// </summary>
    protected override DateTimeOffset StartsAt => new(2001, 1, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Commands_RunForTheActorOfTheirScope_AndTheHistoryOfARecordSaysWhoMadeEachChange()
    {
        var world = await ClaimWorldAsync();

        var history = await AsAsync(null, sp => sp.GetRequiredService<AuditTrailService>().ListHistoryAsync(world.Claim, Ct));

        history.Select(e => (e.What, e.Actor)).Should().Equal(
            ("PaymentClaimSubmitted", Actor.ForParticipant(world.Partner)),
            ("PaymentClaimApproved", Actor.ForParticipant(world.Team)));
        history.Should().HaveCount(2).And.OnlyContain(e => e.RecordId == world.Claim.Value && e.RecordType == nameof(PaymentClaim));
        history.Select(e => e.RecordVersion).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();

        var registration = await AsAsync(null, sp => sp.GetRequiredService<AuditTrailService>().ListHistoryAsync(world.Partner, Ct));
        registration.Should().NotBeEmpty().And.OnlyContain(
            e => e.Actor == Actor.ForSystemProcess("application"),
            "no actor was set when the person was registered, so the application's own process made the change");
    }

    [Fact]
    public async Task ListForParticipantAsync_ListsWhatTheyDid_WhatWasDoneToTheirRecord_AndWhatNamesThem_ButNotOthersChanges()
    {
        var world = await ClaimWorldAsync();

        var partners = await AsAsync(null, sp => sp.GetRequiredService<AuditTrailService>().ListForParticipantAsync(world.Partner, Ct));
        var others = await AsAsync(null, sp => sp.GetRequiredService<AuditTrailService>().ListForParticipantAsync(world.Other, Ct));

        partners.Select(e => e.What).Should().Contain(["ParticipantRegistered", "InvolvementActivityRecorded", "PaymentClaimSubmitted", "PaymentClaimApproved"]);
        partners.Should().Contain(e => e.What == "PaymentClaimApproved" && e.Actor == Actor.ForParticipant(world.Team), "the approval is the team's, but of a record created about the partner");
        partners.Should().NotContain(e => e.RecordId == world.OthersActivity.Value, "another person's activity does not concern them");
        others.Should().Contain(e => e.RecordId == world.OthersActivity.Value).And.NotContain(e => e.RecordId == world.Claim.Value);
        partners.Select(e => e.Sequence).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task ExportAsync_HoldsTheirAuditTrail_WithOtherPeopleDescribedInWords_NeverByTheirIds()
    {
        var world = await ClaimWorldAsync();

        var export = await AsAsync(null, sp => sp.GetRequiredService<ParticipantService>().ExportAsync(world.Partner, Ct));
        var json = export.ToJson();

        var trail = export.Sections["auditTrail"].Should().BeAssignableTo<IEnumerable<AuditEntryExport>>().Subject.ToList();
        trail.Should().Contain(e => e.What == "PaymentClaimSubmitted" && e.By == "you");
        trail.Should().Contain(e => e.What == "PaymentClaimApproved" && e.By == "another person");
        trail.Should().Contain(e => e.What == "ParticipantRegistered" && e.By == "system process application");
        json.Should().NotContain(world.Team.Value.ToString(), "the export names nobody else, not even by id");
        json.Should().NotContain(world.Other.Value.ToString());
        json.Should().NotContain(world.OthersActivity.Value.ToString());
    }

    [Fact]
    public async Task PurgeDispatchedAsync_DeletesDeliveredEventsOlderThanTheCutOff_AndKeepsNewerOnes()
    {
        var old = await AsAsync(null, sp => sp.GetRequiredService<ParticipantService>().RegisterAsync("Patient partner A", [ParticipantRole.PatientPartner], Ct));
        Clock.SetUtcNow(new DateTimeOffset(2001, 6, 10, 9, 0, 0, TimeSpan.Zero));
        var recent = await AsAsync(null, sp => sp.GetRequiredService<ParticipantService>().RegisterAsync("Patient partner B", [ParticipantRole.PatientPartner], Ct));

        var purged = await Services.GetRequiredService<IOutboxDispatchStore>().PurgeDispatchedAsync(new DateTimeOffset(2001, 3, 1, 0, 0, 0, TimeSpan.Zero), Ct);

        var audit = (Func<ParticipantId, Task<IReadOnlyList<AuditEntry>>>)(id => AsAsync(null, sp => sp.GetRequiredService<AuditTrailService>().ListHistoryAsync(id, Ct)));
        (await audit(old.Id)).Should().BeEmpty("its events were delivered before the cut-off");
        (await audit(recent.Id)).Should().NotBeEmpty();
        purged.Should().BeGreaterThanOrEqualTo(1);
        (await AsAsync(null, sp => sp.GetRequiredService<ParticipantService>().GetAsync(old.Id, Ct))).FullName.Should().Be("Patient partner A", "only the audit trail is purged, never the records");
    }

    private async Task<ClaimWorld> ClaimWorldAsync()
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var (team, partner, other) = await AsAsync(null, async sp =>
        {
            var people = sp.GetRequiredService<ParticipantService>();
            var t = await people.RegisterAsync("Participation team member S", [ParticipantRole.Staff], Ct);
            var p = await people.RegisterAsync("Patient partner A", [ParticipantRole.PatientPartner], Ct);
            var o = await people.RegisterAsync("Patient partner B", [ParticipantRole.PatientPartner], Ct);
            return (t.Id, p.Id, o.Id);
        });
        var claim = await AsAsync(partner, async sp =>
        {
            var payments = sp.GetRequiredService<PaymentService>();
            var activity = await payments.RecordActivityAsync(partner, InvolvementActivityKind.PanelMeeting, today.AddDays(-2), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, Ct);
            return (await payments.SubmitClaimAsync(partner, [activity.Id], [], Ct)).Id;
        });
        var othersActivity = await AsAsync(other, async sp =>
            (await sp.GetRequiredService<PaymentService>().RecordActivityAsync(other, InvolvementActivityKind.PanelMeeting, today.AddDays(-2), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, Ct)).Id);
        await AsAsync(team, sp => sp.GetRequiredService<PaymentService>().ApproveClaimAsync(claim, Ct));
        return new ClaimWorld(team, partner, other, claim, othersActivity);
    }

    private async Task<T> AsAsync<T>(ParticipantId? actor, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = ScopeFor(OrganisationA);
        if (actor is { } id)
        {
            scope.ServiceProvider.GetRequiredService<ActorContext>().SetCurrent(Actor.ForParticipant(id));
        }

        return await work(scope.ServiceProvider);
    }

    private sealed record ClaimWorld(ParticipantId Team, ParticipantId Partner, ParticipantId Other, PaymentClaimId Claim, InvolvementActivityId OthersActivity);
}
