using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Samples.QuickStart;

/// <summary>
/// The people, consent and payments side of the year: a participation team registers partners, records the time they
/// give, pays their claims, and handles an erasure and a subject-access request.
/// </summary>
internal sealed class PeopleAndPaymentsYear(IServiceProvider services, SampleClock clock, ReportWriter report)
{
    private readonly ParticipantService _people = services.GetRequiredService<ParticipantService>();
    private readonly PaymentService _payments = services.GetRequiredService<PaymentService>();
    private readonly ActorContext _actor = services.GetRequiredService<ActorContext>();
    private readonly Dictionary<string, Participant> _cast = new(StringComparer.Ordinal);

    /// <summary>Gets the people of the year, by pseudonym.</summary>
    public IReadOnlyDictionary<string, Participant> Cast => _cast;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await RegisterCastAsync(cancellationToken);
        var activities = new List<InvolvementActivity>();
        for (var month = 0; month < 12; month++)
        {
            activities.AddRange(await RecordMonthAsync(month, cancellationToken));
            if (month % 3 == 2)
            {
                await ClaimAndPayQuarterAsync(activities, quarter: month / 3, cancellationToken);
            }
        }

        clock.MoveTo(new DateOnly(2026, 4, 10));
        await ReportAsync(cancellationToken);
    }

    private async Task RegisterCastAsync(CancellationToken cancellationToken)
    {
        (string Name, ParticipantRole[] Roles)[] cast =
        [
            ("Patient partner A", [ParticipantRole.PatientPartner]),
            ("Carer B", [ParticipantRole.Carer]),
            ("Service user C", [ParticipantRole.ServiceUser, ParticipantRole.PatientPartner]),
            ("Patient partner D", [ParticipantRole.PatientPartner]),
            ("Community member E", [ParticipantRole.CommunityMember]),
            ("Patient partner F", [ParticipantRole.PatientPartner]),
            ("Participation lead S", [ParticipantRole.Staff]),
            ("QI coach T", [ParticipantRole.Staff]),
        ];
        foreach (var (name, roles) in cast)
        {
            var participant = await _people.RegisterAsync(name, roles, cancellationToken);
            var index = _cast.Count;
            await _people.ChangeContactDetailsAsync(participant.Id, new ContactDetails($"person.{index}@example.org", null, null), cancellationToken);
            participant = await _people.GiveConsentAsync(participant.Id, ConsentPurpose.Contact, cancellationToken);
            if (index % 2 == 0)
            {
                participant = await _people.GiveConsentAsync(participant.Id, ConsentPurpose.Recording, cancellationToken);
            }

            if (name != "Patient partner F")
            {
                // Everyone but one agrees to be quoted: the published GRIPP2 report quotes only records whose people all did.
                participant = await _people.GiveConsentAsync(participant.Id, ConsentPurpose.Quotation, cancellationToken);
            }

            if (index < 4)
            {
                await _people.GiveConsentAsync(participant.Id, ConsentPurpose.DiversityMonitoring, cancellationToken);
                participant = await _people.RecordDiversityAnswersAsync(participant.Id, new Dictionary<string, string> { ["Age band"] = index % 2 == 0 ? "45-64" : "25-44" }, cancellationToken);
            }

            _cast[name] = participant;
        }

        await _people.ChangePaymentPreferenceAsync(_cast["Carer B"].Id, new PaymentPreference(PaymentMethod.DeclinesPayment, "Declines payment because of benefits; expenses only"), cancellationToken);
        _cast["Carer B"] = await _people.ChangeAccessibilityNeedsAsync(_cast["Carer B"].Id, [new AccessibilityNeed("Needs to leave by 3pm for caring duties", "Sessions end by 2.30pm")], cancellationToken);
    }

    private async Task<List<InvolvementActivity>> RecordMonthAsync(int month, CancellationToken cancellationToken)
    {
        var activities = new List<InvolvementActivity>();
        var partners = new[] { "Patient partner A", "Carer B", "Service user C", "Patient partner D", "Community member E", "Patient partner F" };
        {
            var first = new DateOnly(2025, 4, 1).AddMonths(month);
            // The month's activities are recorded at its end, once they have taken place.
            clock.MoveTo(first.AddMonths(1).AddDays(-1));

            // A monthly peer review panel: four partners, two hours each, at the Partner level.
            for (var i = 0; i < 4; i++)
            {
                var who = partners[(month + i) % partners.Length];
                activities.Add(await _payments.RecordActivityAsync(_cast[who].Id, InvolvementActivityKind.PanelMeeting, first.AddDays(9), TimeSpan.FromHours(2), "Partner", "Patient improvement peer review panel", null, cancellationToken));
            }

            // Training days in the months a cohort runs: one lead trainer (full day) and one co-facilitator (half day).
            if (month is 1 or 2 or 5 or 6 or 9 or 10)
            {
                activities.Add(await _payments.RecordActivityAsync(_cast["Patient partner A"].Id, InvolvementActivityKind.TrainingDelivery, first.AddDays(14), TimeSpan.FromHours(6), "Lead", "Co-Production for Improvement training day", null, cancellationToken));
                activities.Add(await _payments.RecordActivityAsync(_cast["Service user C"].Id, InvolvementActivityKind.TrainingDelivery, first.AddDays(14), TimeSpan.FromHours(3), "Partner", "Co-Production for Improvement training day", null, cancellationToken));
            }

            // Improvement project meetings, 90 minutes.
            activities.Add(await _payments.RecordActivityAsync(_cast["Patient partner D"].Id, InvolvementActivityKind.ProjectMeeting, first.AddDays(20), TimeSpan.FromMinutes(90), "Partner", "Discharge lounge improvement project", null, cancellationToken));
        }

        return activities;
    }

    private async Task ClaimAndPayQuarterAsync(List<InvolvementActivity> activities, int quarter, CancellationToken cancellationToken)
    {
        var lead = _cast["Participation lead S"].Id;
        var quarterEnds = new[] { new DateOnly(2025, 6, 30), new DateOnly(2025, 9, 30), new DateOnly(2025, 12, 31), new DateOnly(2026, 3, 31) };
        var previous = quarter == 0 ? DateOnly.MinValue : quarterEnds[quarter - 1];
        var reference = 1000 + (quarter * 100);
        {
            var quarterEnd = quarterEnds[quarter];
            clock.MoveTo(quarterEnd.AddDays(1));
            foreach (var group in activities.Where(a => a.Date > previous && a.Date <= quarterEnd).GroupBy(a => a.ParticipantId))
            {
                Expense[] expenses = group.Key == _cast["Carer B"].Id
                    ? [new Expense(ExpenseKind.Travel, 14.60m, true, "Return bus fares"), new Expense(ExpenseKind.CareCosts, 24.00m, true, "Replacement care")]
                    : [new Expense(ExpenseKind.Mileage, 8.10m, false, "18 miles at 45p")];
                var claim = await _payments.SubmitClaimAsync(group.Key, [.. group.Select(a => a.Id)], expenses, cancellationToken);

                // The last quarter's claims are still in the finance queue at the year end; one earlier claim waits too long.
                var isLastQuarter = quarterEnd == quarterEnds[^1];
                var isStuck = quarterEnd == quarterEnds[2] && group.Key == _cast["Community member E"].Id;
                if (!isLastQuarter && !isStuck)
                {
                    // The participation lead decides and pays: the service takes the person from the actor, then the
                    // story goes on under the sample's own process.
                    _actor.SetCurrent(Actor.ForParticipant(lead));
                    await _payments.ApproveClaimAsync(claim.Id, cancellationToken);
                    await _payments.MarkClaimPaidAsync(claim.Id, $"BACS-{reference++}", cancellationToken);
                    _actor.SetCurrent(Actor.ForSystemProcess("quickstart"));
                }
            }
        }
    }

    private async Task ReportAsync(CancellationToken cancellationToken)
    {
        report.Section("People and consent");
        var everyone = await services.GetRequiredService<IParticipantStore>().ListAsync(null, cancellationToken);
        var now = clock.GetUtcNow();
        var live = everyone.Where(p => !p.IsErased).ToList();
        report.Key($"{live.Count} people take part: {string.Join(", ", Enum.GetValues<ParticipantRole>().Where(r => live.Any(p => p.HasRole(r))).Select(r => Counted(live.Count(p => p.HasRole(r)), r)))}.");
        report.Key($"All {live.Count(p => p.HasConsent(ConsentPurpose.Contact, now))} may be contacted; {live.Count(p => p.HasConsent(ConsentPurpose.Recording, now))} agreed to be recorded and {live.Count(p => p.HasConsent(ConsentPurpose.Quotation, now))} to be quoted in published reports.");
        report.Table(
            ["Role", "People", "Contact consent", "Recording consent"],
            [.. Enum.GetValues<ParticipantRole>().Select(role => (IReadOnlyList<string>)
            [
                ReportWriter.Capitalised(role),
                everyone.Count(p => p.HasRole(role)).ToString(ReportWriter.Culture),
                everyone.Count(p => p.HasRole(role) && p.HasConsent(ConsentPurpose.Contact, now)).ToString(ReportWriter.Culture),
                everyone.Count(p => p.HasRole(role) && p.HasConsent(ConsentPurpose.Recording, now)).ToString(ReportWriter.Culture),
            ])]);

        report.Section("Involvement time and payments");
        var activities = await services.GetRequiredService<IInvolvementActivityStore>().ListBetweenAsync(new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31), cancellationToken);
        report.Table(
            ["Activity", "Sessions", "Hours"],
            [.. activities.GroupBy(a => a.Kind).OrderBy(g => g.Key).Select(g => (IReadOnlyList<string>)
            [
                ReportWriter.Capitalised(g.Key),
                g.Count().ToString(ReportWriter.Culture),
                ReportWriter.Number((decimal)g.Sum(a => a.Duration.TotalHours)),
            ])]);

        var claims = new List<PaymentClaim>();
        var claimStore = services.GetRequiredService<IPaymentClaimStore>();
        foreach (var status in Enum.GetValues<PaymentClaimStatus>())
        {
            claims.AddRange(await claimStore.ListByStatusAsync(status, cancellationToken));
        }

        report.Line();
        report.Table(
            ["Claims", "Count", "Fees", "Expenses", "Total"],
            [.. claims.GroupBy(c => c.Status).OrderBy(g => g.Key).Select(g => (IReadOnlyList<string>)
            [
                ReportWriter.Capitalised(g.Key),
                g.Count().ToString(ReportWriter.Culture),
                ReportWriter.Money(g.Sum(c => c.FeesTotal)),
                ReportWriter.Money(g.Sum(c => c.ExpensesTotal)),
                ReportWriter.Money(g.Sum(c => c.Total)),
            ])]);
        var declined = claims.Where(c => c.ParticipantId == _cast["Carer B"].Id).ToList();
        report.Line();
        report.Key($"In the year: {activities.Count} sessions, {ReportWriter.Number((decimal)activities.Sum(a => a.Duration.TotalHours), 0)} hours; {claims.Count(c => c.Status == PaymentClaimStatus.Paid)} claims paid ({ReportWriter.Money(claims.Where(c => c.Status == PaymentClaimStatus.Paid).Sum(c => c.Total))}), {claims.Count(c => c.Status == PaymentClaimStatus.Submitted)} waiting.");
        report.Line($"Carer B declines payment for time: {declined.Count} claims with {ReportWriter.Money(declined.Sum(c => c.FeesTotal))} in fees and {ReportWriter.Money(declined.Sum(c => c.ExpensesTotal))} in expenses, so nobody is out of pocket.");

        var ageing = await _payments.GetOutstandingClaimsAsync(cancellationToken);
        report.Key($"Outstanding claims on {now:d MMMM yyyy}: {ageing.Count}, of which {ageing.Count(a => a.IsOverdue)} past the payment target.");
        foreach (var claim in ageing.Where(a => a.IsOverdue))
        {
            var who = everyone.Single(p => p.Id == claim.ParticipantId).DisplayName;
            report.Line($"  - {who}: {ReportWriter.Money(claim.Total)}, {ReportWriter.Words(claim.Status)}, waiting {claim.DaysOutstanding} days");
        }

        report.Section("Data protection");
        var leaver = _cast["Patient partner F"];
        var before = (await _people.ExportAsync(leaver.Id, cancellationToken)).ToJson();
        await _people.EraseAsync(leaver.Id, cancellationToken);
        var after = (await _people.ExportAsync(leaver.Id, cancellationToken)).ToJson();
        report.Line($"Subject-access export for Patient partner F: {before.Length:N0} characters of JSON, covering {activities.Count(a => a.ParticipantId == leaver.Id)} activities and their claims.");
        report.Key($"Patient partner F asked to be forgotten: after erasure the record reads \"{(await _people.GetAsync(leaver.Id, cancellationToken)).FullName}\", "
            + $"the export no longer holds their name or email ({(after.Contains("Patient partner F", StringComparison.Ordinal) || after.Contains("person.5@example.org", StringComparison.Ordinal) ? "FAILED" : "checked")}), and their activities still count in the totals above.");
        var audit = await services.GetRequiredService<CoProduction.Storage.IEventOutbox>().ListForAggregateAsync(leaver.Id.Value, cancellationToken);
        report.Key($"The audit trail of that record keeps what happened and who did it, never the name: {string.Join(", ", audit.Select(m => $"{ReportWriter.Words(m.Event.GetType().Name)} (by {(m.Actor.ProcessName is { } process ? process : "a person")})"))}.");
    }

    private static string Counted(int count, ParticipantRole role) =>
        $"{count} {ReportWriter.Words(role)}{(count == 1 || role == ParticipantRole.Staff ? string.Empty : "s")}";
}
