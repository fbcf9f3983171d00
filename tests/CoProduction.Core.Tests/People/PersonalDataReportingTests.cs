using CoProduction.Core.Tests.TestSupport;
using CoProduction.Involvement;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.Payments;
using CoProduction.PeerReview;
using CoProduction.Primitives;
using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.People;

/// <summary>
/// Issue 12 items 4, 5 and 7: publishable reports name nobody, consent to be quoted and to be contacted is enforced
/// from the moment it is withdrawn, and people with no involvement for a number of years are listed for review.
/// </summary>
public sealed class PersonalDataReportingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly (string Name, string Email, string Phone, ParticipantRole Role)[] People =
    [
        ("Zebedee Quartermaine", "zebedee.quartermaine@example.org", "01632 960111", ParticipantRole.Staff),
        ("Ottoline Fairweather", "ottoline.fairweather@example.org", "01632 960222", ParticipantRole.PatientPartner),
        ("Peregrine Applethwaite", "peregrine.applethwaite@example.org", "01632 960333", ParticipantRole.Carer),
        ("Ignatius Bramblewood", "ignatius.bramblewood@example.org", "01632 960444", ParticipantRole.PatientPartner),
        ("Philippa Thistlewood", "philippa.thistlewood@example.org", "01632 960555", ParticipantRole.ServiceUser),
    ];

    [Fact]
    public async Task PublishableReports_HoldNoNameEmailPhoneOrIdOfAnyParticipant_WhileTheInternalOnesDo()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var ids = await RegisterEveryoneAsync(services);
        var (lead, partner, carer, reviewer, member) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
        await services.GetRequiredService<ParticipantService>().GiveConsentAsync(partner, ConsentPurpose.Quotation, None);

        // GRIPP2: a plan that names people, a quotation by a consenting partner, one by a carer who has not consented,
        // and an overdue claim by the partner (a finding about one person, by id).
        var projectId = await ProjectAsync(services, lead, partner, carer);
        var projects = services.GetRequiredService<ImprovementProjectService>();
        await projects.PlanInvolvementAsync(projectId, "aim", "co-production", "Ottoline Fairweather and Peregrine Applethwaite", "Core team meetings", None);
        var quoted = await projects.RecordInvolvementAsync(projectId, new DateOnly(2025, 3, 10), "aim", "co-production", "Aim workshop", [partner], None);
        await projects.RecordFeedbackAsync(projectId, quoted, new DateOnly(2025, 3, 12), "You said the letters were confusing; we rewrote them.", None);
        var unquoted = await projects.RecordInvolvementAsync(projectId, new DateOnly(2025, 3, 11), "aim", "co-production", "Carers evening", [carer], None);
        await projects.RecordFeedbackAsync(projectId, unquoted, new DateOnly(2025, 3, 13), "You said evenings suit carers; we moved the meetings.", None);
        await services.GetRequiredService<PaymentService>().SubmitClaimAsync(partner, [], [new Expense(ExpenseKind.Travel, 8.20m, true, "Bus fares")], None);
        host.Clock.Advance(TimeSpan.FromDays(60));

        // The programme report: a cohort with two teams of these people.
        var programmeId = (await services.GetRequiredService<ProgrammeService>().CreateAsync(
            "Co-Production for Improvement",
            "Teams learn to improve services with patients",
            "First version",
            [new CurriculumModule("M1", "What co-production is", ["Explain co-production"], TimeSpan.FromHours(3), DeliveryMode.InPerson)],
            [new CoDesigner(partner, "Shaped the curriculum")],
            None)).Id;
        var cohorts = services.GetRequiredService<CohortService>();
        var cohortId = (await cohorts.PlanAsync(programmeId, 1, "Cohort 1", new DateOnly(2025, 6, 2), new DateOnly(2025, 9, 30), None)).Id;
        await cohorts.OpenRecruitmentAsync(cohortId, None);
        await cohorts.EnrolTeamAsync(cohortId, "Ward 7", "Better discharge letters", [partner, lead], None);
        await cohorts.EnrolTeamAsync(cohortId, "Falls team", "Fewer falls at night", [carer, member], None);

        // The panel evaluation: patient members serving this year.
        var panels = services.GetRequiredService<PanelService>();
        var panel = await panels.EstablishAsync("Patient Improvement Peer Review Panel", "Patient partners give the patient perspective.", new QuorumRule(2), None);
        foreach (var (who, role) in new[] { (reviewer, PanelRole.PatientChair), (member, PanelRole.PatientReviewer), (carer, PanelRole.PatientReviewer) })
        {
            await panels.AppointMemberAsync(panel.Id, who, role, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), None);
        }

        await services.GetRequiredService<PanelMeetingService>().ArrangeAsync(panel.Id, DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime).AddDays(7), None);

        var portfolio = services.GetRequiredService<InvolvementPortfolioService>();
        var published = new Dictionary<string, string>
        {
            ["GRIPP2"] = (await portfolio.BuildGripp2ReportAsync(projectId, "Meeting in the evening helped carers join.", None)).ToMarkdown(),
            ["programme report"] = (await services.GetRequiredService<ProgrammeEvaluationService>().BuildReportAsync(programmeId, null, None)).ToMarkdown(),
            ["panel evaluation"] = (await panels.EvaluateAsync(panel.Id, null, null, None)).ToMarkdown(ReportAudience.Publication),
        };
        var internalGripp2 = (await portfolio.BuildInternalGripp2ReportAsync(projectId, null, None)).ToMarkdown();
        var internalPanel = (await panels.EvaluateAsync(panel.Id, null, null, None)).ToMarkdown(ReportAudience.Internal);

        foreach (var (report, text) in published)
        {
            foreach (var (person, index) in People.Select((p, i) => (p, i)))
            {
                foreach (var part in new[] { person.Name, person.Name.Split(' ')[0], person.Name.Split(' ')[1], person.Email, person.Phone, ids[index].Value.ToString(), ids[index].Value.ToString("N") })
                {
                    text.Should().NotContain(part, "the published {0} names nobody and holds no ids", report);
                }
            }
        }

        published["GRIPP2"].Should().Contain("You said the letters were confusing; we rewrote them.", "the partner consented to be quoted")
            .And.NotContain("You said evenings suit carers", "the carer has not consented to be quoted")
            .And.Contain("1 quotation left out: the people quoted have not consented to be quoted.")
            .And.Contain("Who the team planned to involve, and why plans were revised, are left out of this published report")
            .And.Contain("1 payment claim by people involved was unpaid beyond the payment target.");
        published["panel evaluation"].Should().Contain("Reviews per patient member (3 members)").And.Contain("Each member's own workload is left out");
        internalGripp2.Should().Contain("Ottoline Fairweather and Peregrine Applethwaite", "the scan reads text where names can be").And.Contain(partner.Value.ToString());
        internalPanel.Should().Contain(reviewer.Value.ToString(), "an internal report may give ids, and the scan would find them");
    }

    [Fact]
    public async Task Gripp2_QuotationConsentWithdrawn_LeavesTheQuotationOutFromThenOn_AndSaysWhy()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var ids = await RegisterEveryoneAsync(services);
        var people = services.GetRequiredService<ParticipantService>();
        await people.GiveConsentAsync(ids[1], ConsentPurpose.Quotation, None);
        var projectId = await ProjectAsync(services, ids[0], ids[1], ids[2]);
        var projects = services.GetRequiredService<ImprovementProjectService>();
        var record = await projects.RecordInvolvementAsync(projectId, new DateOnly(2025, 3, 10), "aim", "co-production", "Aim workshop", [ids[1]], None);
        await projects.RecordFeedbackAsync(projectId, record, new DateOnly(2025, 3, 12), "You said the letters were confusing; we rewrote them.", None);
        var portfolio = services.GetRequiredService<InvolvementPortfolioService>();
        var before = (await portfolio.BuildGripp2ReportAsync(projectId, null, None)).ToMarkdown();

        host.Clock.Advance(TimeSpan.FromDays(1));
        await people.WithdrawConsentAsync(ids[1], ConsentPurpose.Quotation, None);
        var after = (await portfolio.BuildGripp2ReportAsync(projectId, null, None)).ToMarkdown();

        before.Should().Contain("You said the letters were confusing").And.NotContain("left out: the people quoted");
        after.Should().NotContain("You said the letters were confusing").And.NotContain("Aim workshop")
            .And.Contain("1 quotation left out: the people quoted have not consented to be quoted.");
        (await portfolio.BuildInternalGripp2ReportAsync(projectId, null, None)).ToMarkdown().Should().Contain("You said the letters were confusing", "the internal report is not a publication");
    }

    [Fact]
    public async Task ListForMailingAsync_ContactConsentWithdrawn_LeavesThePersonOutFromThenOn_AndSaysHowManyAndWhy()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var ids = await RegisterEveryoneAsync(services);
        var people = services.GetRequiredService<ParticipantService>();
        foreach (var id in ids.Take(3))
        {
            await people.GiveConsentAsync(id, ConsentPurpose.Contact, None);
        }

        var before = await people.ListForMailingAsync(null, None);
        host.Clock.Advance(TimeSpan.FromHours(1));
        await people.WithdrawConsentAsync(ids[1], ConsentPurpose.Contact, None);
        var after = await people.ListForMailingAsync(null, None);

        before.Recipients.Select(r => r.ParticipantId).Should().BeEquivalentTo(ids.Take(3));
        before.Recipients.Should().Contain(r => r.Contact.Email == People[1].Email);
        after.Recipients.Select(r => r.ParticipantId).Should().BeEquivalentTo([ids[0], ids[2]]);
        after.LeftOutWithoutConsent.Should().Be(3);
        after.LeftOutNote.Should().Be("3 people left out: they have not consented to be contacted.");
        after.LeftOutNote.Should().NotContain(People[1].Name);
    }

    [Fact]
    public async Task ListForRetentionReviewAsync_OverGeneratedDates_ListsExactlyThePeopleQuietForTheYearsGiven()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var people = services.GetRequiredService<ParticipantService>();
        var payments = services.GetRequiredService<PaymentService>();
        var random = new Random(20261207);
        var registeredOn = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);

        // 40 people registered today; 30 of them take part once, on a generated day within the next eight years.
        var everyone = new List<ParticipantId>();
        for (var i = 0; i < 40; i++)
        {
            everyone.Add((await people.RegisterAsync($"Patient partner {i + 1}", [ParticipantRole.PatientPartner], None)).Id);
        }

        var involvement = everyone.Take(30).Select(p => (Person: p, Day: registeredOn.AddDays(random.Next(1, 8 * 365)))).OrderBy(x => x.Day).ToList();
        foreach (var (person, day) in involvement)
        {
            host.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
            await payments.RecordActivityAsync(person, InvolvementActivityKind.PanelMeeting, day, TimeSpan.FromHours(2), "Partner", "Panel meeting", null, None);
        }

        var today = registeredOn.AddYears(9);
        host.Clock.SetUtcNow(new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        await people.EraseAsync(everyone[39], None);
        var last = involvement.ToDictionary(x => x.Person, x => x.Day);

        foreach (var years in new[] { 1, 3, 5, 9 })
        {
            var review = await people.ListForRetentionReviewAsync(years, None);

            var expected = everyone.Take(39).Where(p => (last.TryGetValue(p, out var on) ? on : registeredOn) < today.AddYears(-years)).ToList();
            review.Select(r => r.ParticipantId).Should().BeEquivalentTo(expected, "over {0} years", years);
            review.Select(r => r.Since).Should().BeInAscendingOrder();
            foreach (var entry in review)
            {
                (entry.LastInvolvedOn, entry.Since).Should().Be(last.TryGetValue(entry.ParticipantId, out var on) ? (on, on) : ((DateOnly?)null, registeredOn));
            }
        }

        (await people.ListForRetentionReviewAsync(3, None)).Should().NotBeEmpty("the generated dates give both sides of the cut-off")
            .And.HaveCountLessThan(39);
    }

    [Fact]
    public async Task ListForRetentionReviewAsync_CurrentProjectTeamMember_CountsAsInvolvedToday()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var ids = await RegisterEveryoneAsync(services);
        await ProjectAsync(services, ids[0], ids[1], ids[2]);
        host.Clock.Advance(TimeSpan.FromDays(4 * 366));

        var review = await services.GetRequiredService<ParticipantService>().ListForRetentionReviewAsync(3, None);

        review.Select(r => r.ParticipantId).Should().BeEquivalentTo([ids[3], ids[4]], "the project is still active, so its team is involved today");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task ListForRetentionReviewAsync_YearsOutOfRange_IsRefused(int years)
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();

        var act = () => scope.ServiceProvider.GetRequiredService<ParticipantService>().ListForRetentionReviewAsync(years, None);

        (await act.Should().ThrowAsync<InvalidInputException>()).Which.Message.Should().Contain("1 to 100 years");
    }

    private static async Task<List<ParticipantId>> RegisterEveryoneAsync(IServiceProvider services)
    {
        var people = services.GetRequiredService<ParticipantService>();
        var ids = new List<ParticipantId>();
        foreach (var (name, email, phone, role) in People)
        {
            var id = (await people.RegisterAsync(name, [role], None)).Id;
            await people.ChangeContactDetailsAsync(id, new ContactDetails(email, phone, null, ContactMethod.Email), None);
            ids.Add(id);
        }

        return ids;
    }

    private static async Task<ImprovementProjectId> ProjectAsync(IServiceProvider services, ParticipantId lead, ParticipantId partner, ParticipantId carer)
    {
        var frameworks = services.GetRequiredService<InvolvementFrameworkService>();
        var framework = await frameworks.AdoptAsync("trust", "Trust framework", "2025.1", [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.UkStandardsForPublicInvolvement, FrameworkPresets.ModelForImprovement], None);
        framework = await frameworks.PublishAsync(framework.Id, None);
        var projects = services.GetRequiredService<ImprovementProjectService>();
        var project = await projects.StartAsync(framework.Id, "Discharge letters", "Letters patients understand", "Acute medicine", lead, new DateOnly(2025, 3, 1), None);
        await projects.AddTeamMemberAsync(project.Id, partner, ProjectTeamRole.PatientPartner, true, new DateOnly(2025, 3, 2), None);
        await projects.AddTeamMemberAsync(project.Id, carer, ProjectTeamRole.Carer, true, new DateOnly(2025, 3, 2), None);
        return project.Id;
    }
}
