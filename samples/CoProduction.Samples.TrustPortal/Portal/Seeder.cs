using CoProduction.Involvement.Assessments;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.Partners;
using CoProduction.Payments;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Evaluation;
using CoProduction.Programmes.Pathways;
using CoProduction.Programmes.Readiness;
using CoProduction.Scoring;
using Microsoft.Extensions.Options;

namespace CoProduction.Samples.TrustPortal.Portal;

/// <summary>
/// Seeds a made-up trust, Example Community Trust, the first time the portal starts on an empty database: people (all
/// pseudonyms), a peer review panel with meetings and submissions, improvement projects with plans, records and a
/// measure, a running training cohort, and involvement payments in every state. Its history is dated in the weeks
/// before today, so the dashboard has ageing claims and a next meeting to show.
/// </summary>
internal sealed class Seeder(IServiceProvider services)
{
    /// <summary>The made-up trust's organisation id.</summary>
    internal static readonly OrganisationId Trust = new(Guid.Parse("7a1c6f2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"));

    /// <summary>The people who can sign in, their role in the library and in the portal.</summary>
    internal static readonly (string Name, ParticipantRole Role, string[] PortalRoles, string Description)[] Cast =
    [
        ("Participation lead A", ParticipantRole.Staff, [PortalRoles.ParticipationTeam], "Runs involvement, payments, the panel's administration and the training programme"),
        ("Patient partner A", ParticipantRole.PatientPartner, [PortalRoles.PatientPartner, PortalRoles.PanelMember], "Chairs the peer review panel; logs time and claims"),
        ("Patient partner B", ParticipantRole.PatientPartner, [PortalRoles.PatientPartner], "Patient partner on an improvement project"),
        ("Carer C", ParticipantRole.Carer, [PortalRoles.PatientPartner, PortalRoles.PanelMember], "Panel reviewer"),
        ("Service user D", ParticipantRole.ServiceUser, [PortalRoles.PatientPartner, PortalRoles.PanelMember], "Panel reviewer"),
        ("Community member E", ParticipantRole.CommunityMember, [PortalRoles.PatientPartner, PortalRoles.PanelMember], "Panel reviewer"),
        ("QI lead F", ParticipantRole.Staff, [PortalRoles.ProjectLead], "Leads two improvement projects"),
        ("Patient trainer G", ParticipantRole.PatientPartner, [PortalRoles.PatientPartner], "Lead trainer on the training programme"),
    ];

    private readonly Dictionary<string, ParticipantId> _ids = new(StringComparer.Ordinal);
    private PortalClock _clock = null!;
    private DateOnly _today;

    /// <returns>Whether the trust was seeded now (false when the database already held it).</returns>
    internal async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrganisationContext>().SetCurrent(Trust);
        // The same query as the directory's, which follows: EF Core compiles it once for both (a page with its count
        // would be two more queries to compile on every start).
        if ((await sp.GetRequiredService<IParticipantStore>().ListAsync(null, ct)).Count > 0)
        {
            return false;
        }

        _clock = sp.GetRequiredService<PortalClock>();
        _today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        try
        {
            await PeopleAsync(sp, ct);
            await PaymentsAsync(sp, ct);
            await ProgrammeAsync(sp, ct);
            await PanelAndProjectsAsync(sp, ct);
            await PartnersAsync(sp, ct);
        }
        finally
        {
            _clock.Release();
        }

        return true;
    }

    private void At(int daysBeforeToday, int hour = 9) => _clock.StandAt(new DateTimeOffset(_today.AddDays(-daysBeforeToday).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero));

    private async Task PeopleAsync(IServiceProvider sp, CancellationToken ct)
    {
        At(400);
        var people = sp.GetRequiredService<ParticipantService>();
        foreach (var (name, role, _, _) in Cast)
        {
            var participant = await people.RegisterAsync(name, [role], ct);
            await people.GiveConsentAsync(participant.Id, ConsentPurpose.Contact, ct);
            if (role != ParticipantRole.Staff)
            {
                await people.GiveConsentAsync(participant.Id, ConsentPurpose.Recording, ct);
            }

            _ids[name] = participant.Id;
        }

        await people.ChangeContactDetailsAsync(_ids["Patient partner A"], new ContactDetails("partner.a@example.org", "01632 960001", null, ContactMethod.Email), ct);
        await people.ChangeAccessibilityNeedsAsync(_ids["Carer C"], [new AccessibilityNeed("Large print", "Papers at 16 point")], ct);
    }

    private async Task PaymentsAsync(IServiceProvider sp, CancellationToken ct)
    {
        var payments = sp.GetRequiredService<PaymentService>();
        var lead = _ids["Participation lead A"];
        async Task<PaymentClaimId> ClaimAsync(string who, int daysAgo, string what, double hours)
        {
            At(daysAgo, 17);
            var activity = await payments.RecordActivityAsync(_ids[who], InvolvementActivityKind.ProjectMeeting, _today.AddDays(-daysAgo), TimeSpan.FromHours(hours), "Partner", what, null, ct);
            return (await payments.SubmitClaimAsync(_ids[who], [activity.Id], [new Expense(ExpenseKind.Travel, 6.40m, ReceiptProvided: true, "Bus fare")], ct)).Id;
        }

        // The participation lead decides and pays: the service takes the person from the actor, as a request's would be.
        var actor = sp.GetRequiredService<ActorContext>();
        async Task AsLeadAsync(Func<Task> decide)
        {
            actor.SetCurrent(Actor.ForParticipant(lead));
            await decide();
            actor.SetCurrent(Actor.ForSystemProcess(sp.GetRequiredService<IOptions<CoProductionOptions>>().Value.SystemProcessName));
        }

        var paid = await ClaimAsync("Patient partner A", 80, "Maternity triage working group", 2);
        At(70);
        await AsLeadAsync(() => payments.ApproveClaimAsync(paid, ct));
        At(66);
        await AsLeadAsync(() => payments.MarkClaimPaidAsync(paid, "BACS-20417", ct));
        var approved = await ClaimAsync("Patient partner B", 45, "Outpatients waiting room walk-through", 3);
        At(40);
        await AsLeadAsync(() => payments.ApproveClaimAsync(approved, ct));
        await ClaimAsync("Carer C", 38, "Panel papers reading", 2);
        await ClaimAsync("Patient partner A", 6, "Panel meeting preparation", 1.5);
        At(3, 18);
        await payments.RecordActivityAsync(_ids["Patient partner A"], InvolvementActivityKind.PanelMeeting, _today.AddDays(-3), TimeSpan.FromHours(1), "Partner", "Call with the panel facilitator", null, ct);

        // How Patient partner A is paid, and that benefits advice was offered before their first paid activity.
        await payments.SetPaymentRouteAsync(_ids["Patient partner A"], PaymentRoute.BankTransfer, ct);
        await AsLeadAsync(() => payments.RecordBenefitsAdviceOfferAsync(_ids["Patient partner A"], _today.AddDays(-85), BenefitsAdviceOutcome.Accepted, ct));
    }

    private async Task ProgrammeAsync(IServiceProvider sp, CancellationToken ct)
    {
        At(380);
        var programmes = sp.GetRequiredService<ProgrammeService>();
        var cohorts = sp.GetRequiredService<CohortService>();
        var pathways = sp.GetRequiredService<PatientTrainerPathwayService>();
        var people = sp.GetRequiredService<ParticipantService>();
        var lead = _ids["Participation lead A"];
        var trainer = _ids["Patient trainer G"];
        var pathway = (await pathways.StartAsync(trainer, _today.AddDays(-380), ct)).Id;
        await pathways.AgreeSupportPlanAsync(pathway, new SupportPlan("A debrief after every session", null, "Paid at the Lead rate; travel reimbursed", null), ct);
        At(369);
        foreach (var kind in new[] { EvidenceKind.SessionObserved, EvidenceKind.SessionObserved, EvidenceKind.Debrief })
        {
            await pathways.RecordEvidenceAsync(pathway, kind, _today.AddDays(-370), "Observed cohort sessions", ct);
        }

        At(359);
        await pathways.ProgressAsync(pathway, lead, _today.AddDays(-360), ct);
        At(299);
        foreach (var kind in new[] { EvidenceKind.SessionCoDelivered, EvidenceKind.SessionCoDelivered, EvidenceKind.SessionCoDelivered, EvidenceKind.Supervision })
        {
            await pathways.RecordEvidenceAsync(pathway, kind, _today.AddDays(-300), "Co-delivered sessions", ct);
        }

        At(289);
        await pathways.ProgressAsync(pathway, lead, _today.AddDays(-290), ct);

        At(120);
        var programme = await programmes.CreateAsync(
            "Co-Production for Improvement",
            "Improvement teams learn to work with patients, carers and communities, taught by patient trainers",
            "First version, from the working group of patients, carers and staff",
            [
                new CurriculumModule("M1", "What co-production is, and is not", ["Tell co-production from consultation"], TimeSpan.FromHours(3), DeliveryMode.InPerson),
                new CurriculumModule("M2", "An improvement aim shaped with patients", ["Write an aim with patient partners"], TimeSpan.FromHours(3), DeliveryMode.Hybrid),
                new CurriculumModule("M3", "Testing changes together", ["Run a PDSA cycle with patients"], TimeSpan.FromHours(3), DeliveryMode.InPerson),
            ],
            [new CoDesigner(trainer, "Wrote the module on power and jargon")],
            ct);

        // The trust's readiness self-assessment for the programme, part done.
        var readiness = await programmes.StartReadinessAssessmentAsync("Ready to run Co-Production for Improvement", programme.Id, ReadinessChecklist.Default, ct);
        await programmes.RateReadinessItemAsync(readiness.Id, "payment-process", ReadinessRating.Met, null, lead, _today.AddDays(-120), ct);
        await programmes.RateReadinessItemAsync(readiness.Id, "accessibility", ReadinessRating.Partly, "Hearing loops in two rooms of four", lead, _today.AddDays(-120), ct);
        await programmes.RateReadinessItemAsync(readiness.Id, "facilitator-support", ReadinessRating.Met, null, trainer, _today.AddDays(-120), ct);

        var start = _today.AddDays(-20);
        var cohortId = (await cohorts.PlanAsync(programme.Id, 1, "Cohort 4", start, start.AddDays(90), ct)).Id;
        string[] modules = ["M1", "M2", "M3"];
        var sessions = new List<CohortSessionId>();
        for (var s = 0; s < modules.Length; s++)
        {
            var startsAt = new DateTimeOffset(start.AddDays(7 + (21 * s)).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            sessions.Add(await cohorts.ScheduleSessionAsync(cohortId, modules[s], startsAt, null, [new FacilitatorAssignment(trainer, FacilitatorRole.Lead), new FacilitatorAssignment(lead, FacilitatorRole.CoFacilitator)], ct));
        }

        await cohorts.OpenRecruitmentAsync(cohortId, ct);
        string[] services = ["Discharge", "Falls", "Memory clinic"];

        // The cohort's before-and-after questionnaire: everyone answered before the first session; the discharge and
        // falls teams have answered after it too.
        var evaluations = sp.GetRequiredService<ProgrammeEvaluationService>();
        var questionnaire = await evaluations.CreateQuestionnaireAsync(
            "Confidence to co-produce",
            1,
            5,
            [new LikertItem("confidence", "I feel confident to co-produce improvement with patients"), new LikertItem("power", "I know how to share power in a meeting")],
            ct);
        var evaluation = await evaluations.StartEvaluationAsync(cohortId, questionnaire.Id, ct);
        var enrolled = new List<ParticipantId>();
        foreach (var service in services)
        {
            enrolled.Add((await people.RegisterAsync($"{service} team patient", [ParticipantRole.PatientPartner], ct)).Id);
            enrolled.Add((await people.RegisterAsync($"{service} team clinician", [ParticipantRole.Staff], ct)).Id);
            await cohorts.EnrolTeamAsync(cohortId, $"{service} team", $"Improve {service.ToLowerInvariant()} with the people who use it", [enrolled[^2], enrolled[^1]], ct);
        }

        At(20, 8);
        int[] before = [2, 3, 2, 1, 3, 2];
        for (var i = 0; i < enrolled.Count; i++)
        {
            await evaluations.RecordResponseAsync(evaluation.Id, enrolled[i], ResponseTiming.Before, start, [new LikertAnswer("confidence", before[i]), new LikertAnswer("power", 2)], ct);
        }

        await cohorts.StartAsync(cohortId, ct);
        At(12, 16);
        await cohorts.MarkSessionDeliveredAsync(cohortId, sessions[0], ct);
        int[] after = [4, 4, 3, 3];
        for (var i = 0; i < after.Length; i++)
        {
            await evaluations.RecordResponseAsync(evaluation.Id, enrolled[i], ResponseTiming.After, _today.AddDays(-12), [new LikertAnswer("confidence", after[i]), new LikertAnswer("power", 3)], ct);
        }

        // A second patient partner has started the pathway: one session observed so far.
        At(60);
        var second = (await pathways.StartAsync(_ids["Patient partner B"], _today.AddDays(-60), ct)).Id;
        At(12, 17);
        await pathways.RecordEvidenceAsync(second, EvidenceKind.SessionObserved, _today.AddDays(-12), "Observed module 1 of Cohort 4", ct);
    }

    private async Task PanelAndProjectsAsync(IServiceProvider sp, CancellationToken ct)
    {
        At(200);
        var panels = sp.GetRequiredService<PanelService>();
        var meetings = sp.GetRequiredService<PanelMeetingService>();
        var submissions = sp.GetRequiredService<ReviewSubmissionService>();
        var frameworks = sp.GetRequiredService<InvolvementFrameworkService>();
        var projects = sp.GetRequiredService<ImprovementProjectService>();
        var panel = await panels.EstablishAsync(
            "Patient Improvement Peer Review Panel",
            "Patient partners meet project leads to give the patient perspective on improvement projects, and follow their recommendations through to impact. A patient chairs; decisions need three patient members present.",
            new QuorumRule(3, requirePatientChair: true),
            ct);
        var (from, to) = (_today.AddDays(-200), _today.AddDays(530));
        await panels.AppointMemberAsync(panel.Id, _ids["Patient partner A"], PanelRole.PatientChair, from, to, ct);
        foreach (var reviewer in new[] { "Carer C", "Service user D", "Community member E" })
        {
            await panels.AppointMemberAsync(panel.Id, _ids[reviewer], PanelRole.PatientReviewer, from, to, ct);
        }

        await panels.AppointMemberAsync(panel.Id, _ids["Participation lead A"], PanelRole.StaffFacilitator, from, to, ct);
        await panels.RecordLivedExperienceAsync(panel.Id, _ids["Carer C"], ["Maternity"], ct);
        await panels.RegisterPersonalLinkAsync(panel.Id, _ids["Community member E"], _ids["Patient partner A"], PersonalLinkKind.Relative, ct);
        await panels.DefineReviewFormAsync(
            panel.Id,
            "Review",
            1,
            [new ReviewCriterion("patient-voice", "How well does the project hear patients and carers?"), new ReviewCriterion("plan", "How far are patients part of the plan?")],
            [],
            ct);

        var framework = await frameworks.AdoptAsync("projects", "Improvement projects", "1", [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.ModelForImprovement, FrameworkPresets.UkStandardsForPublicInvolvement], ct);
        var frameworkId = (await frameworks.PublishAsync(framework.Id, ct)).Id;

        At(150);
        var qiLead = _ids["QI lead F"];
        var maternity = await projects.StartAsync(frameworkId, "Calmer maternity triage", "Halve the women who wait over an hour in maternity triage by March", "Maternity", qiLead, _today.AddDays(-150), ct);
        await projects.AddTeamMemberAsync(maternity.Id, _ids["Patient partner A"], ProjectTeamRole.PatientPartner, isCoreTeam: true, _today.AddDays(-150), ct);
        await projects.StateInvolvementAimAsync(maternity.Id, "Women who used triage shape every change we test.", ct);
        await projects.PlanInvolvementAsync(maternity.Id, "aim", "co-design", "Patient partner A and two women who used triage", "Aim-setting workshop", ct);
        await projects.PlanInvolvementAsync(maternity.Id, "measures", "co-design", "Patient partners", "Choose what to measure together", ct);
        await projects.PlanInvolvementAsync(maternity.Id, "changes", "co-production", "Patient partners and midwives", "Test changes together", ct);

        At(100);
        var outpatients = await projects.StartAsync(frameworkId, "Shorter waits in outpatients", "Cut the time from arrival to being seen in outpatients", "Outpatients", qiLead, _today.AddDays(-100), ct);
        await projects.AddTeamMemberAsync(outpatients.Id, _ids["Patient partner B"], ProjectTeamRole.PatientPartner, isCoreTeam: true, _today.AddDays(-100), ct);
        await projects.PlanInvolvementAsync(outpatients.Id, "aim", "consultation", "Patients in the waiting room", "Ask what matters while waiting", ct);

        // The maternity project is on the next meeting's agenda; the outpatients project is ready to submit.
        At(30);
        var maternitySubmission = await submissions.DraftAsync(panel.Id, maternity.Id, "We would value the patient perspective on our plan.", ct);
        await submissions.SubmitAsync(maternitySubmission.Id, ct);
        await submissions.AcceptAsync(maternitySubmission.Id, ct);
        await meetings.ArrangeAsync(panel.Id, _today, ct);
        var next = await meetings.ArrangeAsync(panel.Id, _today.AddDays(14), ct);
        await meetings.ScheduleAsync(maternitySubmission.Id, next.Id, new TimeOnly(10, 0), 40, ct);
        await submissions.DraftAsync(panel.Id, outpatients.Id, "How can we hear people while they wait?", ct);

        // What happened on the maternity project, recorded up to yesterday.
        At(1, 0);
        await projects.RecordInvolvementAsync(maternity.Id, _today.AddDays(-140), "aim", "co-design", "Aim-setting workshop", [_ids["Patient partner A"]], ct);
        await projects.RecordInvolvementAsync(maternity.Id, _today.AddDays(-120), "measures", "consultation", "Survey of women about what to measure", [_ids["Patient partner A"]], ct);
        var measure = await projects.DefineMeasureAsync(maternity.Id, "Women who felt listened to in triage", MeasureType.Outcome, isPatientExperience: true, ImprovementDirection.Increase, "%", ct);
        double[] weekly = [61, 58, 63, 60, 59, 62, 57, 60, 64, 61, 66, 70, 72, 69, 73, 75, 74, 77, 76, 79];
        await projects.RecordMeasureValuesAsync(maternity.Id, measure, [.. weekly.Select((v, i) => (_today.AddDays(-7 * (weekly.Length - i)), v))], ct);
        await projects.RecordChangeIntroducedAsync(maternity.Id, measure, _today.AddDays(-7 * 10), ct);

        // The maternity team's involvement assessed against the UK Standards from three perspectives: the lead rates
        // it higher than the patient partner and the carer do.
        var assessments = sp.GetRequiredService<AssessmentService>();
        var assessment = await assessments.OpenForProjectAsync(maternity.Id, "Maternity triage involvement, first look", ct);
        (string Who, AssessorPerspective Perspective, int[] Ratings)[] assessors =
        [
            ("QI lead F", AssessorPerspective.Staff, [3, 3, 2, 3]),
            ("Patient partner A", AssessorPerspective.PatientPartner, [2, 1, 1, 2]),
            ("Carer C", AssessorPerspective.Carer, [1, 2, 1, 1]),
        ];
        string[] indicators = ["ukspi-io-reach", "ukspi-wt-equal", "ukspi-co-feedback", "ukspi-im-recorded"];
        foreach (var (who, perspective, ratings) in assessors)
        {
            await assessments.DeclareAssessorAsync(assessment.Id, _ids[who], perspective, ct);
            for (var i = 0; i < indicators.Length; i++)
            {
                await assessments.RateAsync(assessment.Id, _ids[who], indicators[i], ratings[i], null, ct);
            }
        }
    }

    /// <summary>
    /// A published opportunity with three expressions of interest (no decision yet), and onboarding checks of which
    /// Patient partner A's DBS check falls due for renewal in three weeks and Carer C's safeguarding training in five.
    /// </summary>
    private async Task PartnersAsync(IServiceProvider sp, CancellationToken ct)
    {
        At(10);
        var recruitment = sp.GetRequiredService<RecruitmentService>();
        var role = new RoleDescription(
            "Patient partner, stroke pathway improvement group",
            "Brings the patient view to the group redesigning the stroke pathway, and reviews its patient information",
            "Two hours a month for 18 months",
            "Trust involvement payment policy, Partner rate; travel reimbursed",
            "Education centre, level 2",
            true,
            "Step-free access; hearing loop; papers in large print on request");
        var opportunity = await recruitment.DraftAsync(role, _today.AddDays(30), [new(OnboardingCheckKind.InvolvementAgreement), new(OnboardingCheckKind.Induction)], 18, ["stroke", "carer"], Availability.WeekdayMornings, ct);
        await recruitment.PublishAsync(opportunity.Id, ct);
        At(8);
        await recruitment.ExpressInterestAsync(opportunity.Id, _ids["Carer C"], "I care for my husband, who had a stroke in 2022; I know the pathway from the carer's side", Availability.WeekdayMornings | Availability.WeekdayAfternoons, null, ct);
        At(6);
        await recruitment.ExpressInterestAsync(opportunity.Id, _ids["Service user D"], "I had a stroke three years ago and used the community rehabilitation service", Availability.Weekends, "Papers two days before meetings", ct);
        At(5);
        await recruitment.ExpressInterestAsync(opportunity.Id, _ids["Community member E"], "I run a community group for older people and hear about hospital discharge", Availability.WeekdayMornings, null, ct);

        At(3);
        var partners = sp.GetRequiredService<PartnerService>();
        await partners.RecordCheckAsync(_ids["Patient partner A"], OnboardingCheckKind.DbsCheck, null, _today.AddYears(-3).AddDays(21), _today.AddDays(21), ct);
        await partners.RecordCheckAsync(_ids["Carer C"], OnboardingCheckKind.Training, "Safeguarding adults level 1", _today.AddYears(-1).AddDays(35), _today.AddDays(35), ct);
    }
}
