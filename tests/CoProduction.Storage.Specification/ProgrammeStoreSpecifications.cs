using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Evaluation;
using CoProduction.Programmes.Pathways;
using CoProduction.Programmes.Readiness;
using FluentAssertions.Equivalency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Storage.Specification;

/// <summary>
/// Richly populated Programmes aggregates for the store specifications, built through the domain's own methods with
/// made-up pseudonyms. The specifications' clock starts on 1 March 2026 at 09:00 UTC.
/// </summary>
internal sealed class ProgrammeSamples(FakeTimeProvider clock)
{
    internal static readonly DateOnly CohortStart = new(2026, 3, 2);
    internal static readonly DateOnly CohortEnd = new(2026, 6, 30);

    internal ParticipantId PatientTrainerA { get; } = ParticipantId.New();

    internal ParticipantId PatientTrainerB { get; } = ParticipantId.New();

    internal ParticipantId StaffFacilitator { get; } = ParticipantId.New();

    /// <summary>Compares the whole public state: records member by member, lists in order, pending events aside.</summary>
    internal static EquivalencyAssertionOptions<T> SameState<T>(EquivalencyAssertionOptions<T> options)
        where T : IAggregateRoot
        => options.Excluding(a => a.PendingEvents).ComparingRecordsByMembers().WithStrictOrdering();

    internal static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A programme with two curriculum versions (three modules, then four, with several learning outcomes and mixed
    /// delivery modes, each with its co-design record), its own delivery rules, a fifth attendance status
    /// ("Joined online", weight 0.5) and an ANY completion policy.
    /// </summary>
    internal Programme Programme(OrganisationId organisationId, string name = "Co-Production for Improvement")
    {
        var programme = Programmes.Programme.Create(organisationId, name, "Teams learn to improve services with patients", clock);
        programme.PublishVersion(
            "First version, shaped by the working group",
            [
                new("M1", "What co-production is", ["Explain what co-production means", "Name the ladder's rungs"], TimeSpan.FromHours(3), DeliveryMode.InPerson),
                new("M2", "Planning improvement together", ["Write an improvement aim with patient partners"], TimeSpan.FromHours(3), DeliveryMode.Hybrid),
                new("M3", "Showcase", ["Present what changed and who shaped it"], TimeSpan.FromHours(2), DeliveryMode.InPerson),
            ],
            [
                new CoDesignContribution(PatientTrainerA, CoDesignPerspective.LivedExperience, "Wrote the module on power and jargon"),
                new CoDesignContribution(StaffFacilitator, CoDesignPerspective.Staff, "Structured the days"),
            ],
            clock);
        clock.Advance(TimeSpan.FromDays(1));
        programme.PublishVersion(
            "Revised after cohort 1: an online module on measurement",
            [
                new("M1", "What co-production is", ["Explain what co-production means", "Name the ladder's rungs"], TimeSpan.FromHours(3), DeliveryMode.InPerson),
                new("M2", "Planning improvement together", ["Write an improvement aim with patient partners", "Agree roles in the team"], TimeSpan.FromHours(2.5), DeliveryMode.Hybrid),
                new("M2B", "Measuring what matters", ["Choose a measure patients care about"], TimeSpan.FromMinutes(90), DeliveryMode.Online),
                new("M3", "Showcase", ["Present what changed and who shaped it"], TimeSpan.FromHours(2), DeliveryMode.InPerson),
            ],
            [
                new CoDesignContribution(PatientTrainerB, CoDesignPerspective.LivedExperience, "Proposed the measurement module"),
                new CoDesignContribution(PatientTrainerA, CoDesignPerspective.LivedExperience, "Reviewed every module for jargon"),
                new CoDesignContribution(StaffFacilitator, CoDesignPerspective.Staff, "Wrote the measurement exercises"),
            ],
            clock);
        programme.ChangeDeliveryRules(new DeliveryRules(1, true, 1, 2, 22), clock);
        programme.ChangeAttendanceStatuses(
            [new("Present", 1m), new("Late", 1m), new("Joined online", 0.5m), new("Apologies", 0m), new("Absent", 0m)],
            clock);
        programme.ChangeCompletionPolicy(
            new CompletionPolicy(CompletionCombination.Any, [new(CompletionCriterionKind.AttendanceShare, 0.6m), new(CompletionCriterionKind.FacilitatorSignOff)]),
            clock);
        return programme;
    }

    /// <summary>
    /// A running cohort of <see cref="Programme"/>'s version 2: three sessions (the first delivered with a full
    /// register, the second with changed facilitators, the third cancelled), three teams (one with every outcome
    /// recorded, one withdrawn), and the register of the first session.
    /// </summary>
    internal (Cohort Cohort, CohortSessionId Delivered, CohortSessionId Upcoming, CohortTeamId Withdrawn) RunningCohort(Programme programme, string name = "Cohort 1", DateOnly? start = null)
    {
        var cohort = Cohort.Plan(programme, 2, name, start ?? CohortStart, CohortEnd, clock);
        var delivered = cohort.ScheduleSession(
            programme,
            "M1",
            At(3, 3),
            null,
            [new(PatientTrainerA, FacilitatorRole.Lead, true), new(StaffFacilitator, FacilitatorRole.CoFacilitator, false), new(PatientTrainerB, FacilitatorRole.Shadow, true)],
            clock);
        var upcoming = cohort.ScheduleSession(programme, "M2", At(3, 10), TimeSpan.FromHours(2), [new(PatientTrainerA, FacilitatorRole.Lead, true)], clock);
        var cancelled = cohort.ScheduleSession(programme, "M2B", At(3, 17, 14), null, [new(PatientTrainerB, FacilitatorRole.Lead, true)], clock);
        cohort.OpenRecruitment(clock);
        var first = cohort.EnrolTeam(new TeamEnrolment("Discharge team", "Co-design the discharge letter with patients", [new(ParticipantId.New(), true), new(ParticipantId.New(), false), new(ParticipantId.New(), false)]), clock);
        cohort.EnrolTeam(new TeamEnrolment("Outpatients team", "Cut waiting-room anxiety", [new(ParticipantId.New(), true), new(ParticipantId.New(), true)]), clock);
        var withdrawn = cohort.EnrolTeam(new TeamEnrolment("Pharmacy team", "Clearer medicine labels", [new(ParticipantId.New(), true), new(ParticipantId.New(), false)]), clock);
        cohort.Start(clock);
        cohort.CancelSession(cancelled, "Venue flooded", clock);
        cohort.ChangeFacilitators(upcoming, [new(PatientTrainerB, FacilitatorRole.Lead, true), new(StaffFacilitator, FacilitatorRole.CoFacilitator, false)], clock);

        if (clock.GetUtcNow() < At(3, 3, 14))
        {
            clock.SetUtcNow(At(3, 3, 14));
        }

        cohort.MarkSessionDelivered(delivered, clock);
        string[] statuses = ["Present", "Late", "Joined online", "Apologies", "Absent", "Present", "Present"];
        var members = cohort.Teams.SelectMany(t => t.Members).ToList();
        cohort.RecordSessionAttendance(delivered, members.Select((m, i) => new AttendanceEntry(m.ParticipantId, statuses[i])), clock);
        cohort.RecordPlanSubmitted(first, new DateOnly(2026, 3, 3), clock);
        cohort.RecordShowcasePresented(first, new DateOnly(2026, 3, 3), clock);
        cohort.SignOffTeam(first, StaffFacilitator, new DateOnly(2026, 3, 3), clock);
        cohort.WithdrawTeam(withdrawn, new DateOnly(2026, 3, 3), "Service reorganised", clock);
        return (cohort, delivered, upcoming, withdrawn);
    }

    /// <summary>
    /// A pathway started on 5 January 2026 that reached co-facilitator on 1 February with two sessions observed and a
    /// debrief, an agreed support plan with a mentor, and since then one session co-delivered and one supervision.
    /// </summary>
    internal PatientTrainerPathway CoFacilitatorPathway(Participant trainer, ParticipantId signatory, ParticipantId mentor)
    {
        var pathway = PatientTrainerPathway.Start(trainer, new DateOnly(2026, 1, 5), clock);
        pathway.RecordEvidence(EvidenceKind.SessionObserved, new DateOnly(2026, 1, 10), CohortSessionId.New(), "Observed module 1", clock);
        pathway.RecordEvidence(EvidenceKind.SessionObserved, new DateOnly(2026, 1, 17), CohortSessionId.New(), null, clock);
        pathway.RecordEvidence(EvidenceKind.Debrief, new DateOnly(2026, 1, 17), null, "Debrief with the lead trainer", clock);
        pathway.AgreeSupportPlan(new SupportPlan("A debrief after every session", mentor, "Paid at the trainer rate; can decline", new DateOnly(2026, 7, 1)), clock);
        pathway.Progress(new PathwayRequirements(), new PathwaySignatory(signatory, SignatoryCapacity.Staff), new DateOnly(2026, 2, 1), clock);
        pathway.RecordEvidence(EvidenceKind.SessionCoDelivered, new DateOnly(2026, 2, 10), CohortSessionId.New(), null, clock);
        pathway.RecordEvidence(EvidenceKind.Supervision, new DateOnly(2026, 2, 15), null, "Monthly supervision", clock);
        return pathway;
    }

    /// <summary>An assessment of the default checklist plus one item of the trust's own, with met, partly and not-met ratings.</summary>
    internal ReadinessAssessment Assessment(OrganisationId organisationId, ProgrammeId? programmeId, ParticipantId assessor, string title = "Readiness for cohort 1")
    {
        var assessment = ReadinessAssessment.Start(organisationId, title, programmeId, ReadinessChecklist.Default, clock);
        assessment.AddItem(new ReadinessItemDefinition("interpreters", "Interpreters", "Interpreters and easy-read materials are booked for every session."), clock);
        assessment.Rate("payment-process", ReadinessRating.Met, null, assessor, new DateOnly(2026, 2, 20), clock);
        assessment.Rate("accessibility", ReadinessRating.Partly, "Hearing loop missing in room 2", assessor, new DateOnly(2026, 2, 20), clock);
        assessment.Rate("sponsorship", ReadinessRating.NotMet, "No senior sponsor named yet", assessor, new DateOnly(2026, 2, 21), clock);
        return assessment;
    }

    /// <summary>A five-point questionnaire of three Likert items.</summary>
    internal Questionnaire Questionnaire(OrganisationId organisationId, string title = "Confidence in co-production") =>
        Programmes.Evaluation.Questionnaire.Create(
            organisationId,
            title,
            1,
            5,
            [new("C1", "I can explain what co-production means"), new("C2", "I can plan improvement with patient partners"), new("C3", "I feel my views are heard")],
            clock);

    /// <summary>An evaluation of the cohort with before and after answers from two members and a before answer from a third.</summary>
    internal CohortEvaluation Evaluation(Cohort cohort, Questionnaire questionnaire)
    {
        var evaluation = CohortEvaluation.Start(cohort, questionnaire, clock);
        var members = cohort.Teams.SelectMany(t => t.Members).Select(m => m.ParticipantId).ToList();
        evaluation.RecordResponse(cohort, members[0], ResponseTiming.Before, new DateOnly(2026, 3, 3), [new("C1", 2), new("C2", 1), new("C3", 3)], clock);
        evaluation.RecordResponse(cohort, members[1], ResponseTiming.Before, new DateOnly(2026, 3, 3), [new("C1", 3), new("C2", 2)], clock);
        evaluation.RecordResponse(cohort, members[2], ResponseTiming.Before, new DateOnly(2026, 3, 3), [new("C1", 1)], clock);
        evaluation.RecordResponse(cohort, members[0], ResponseTiming.After, new DateOnly(2026, 3, 3), [new("C1", 4), new("C2", 4), new("C3", 5)], clock);
        evaluation.RecordResponse(cohort, members[1], ResponseTiming.After, new DateOnly(2026, 3, 3), [new("C1", 5), new("C2", 3)], clock);
        return evaluation;
    }
}

/// <summary>What every <see cref="IProgrammeStore"/> must do: round trips of programmes with versioned curricula, updates, stale updates, isolation and its list.</summary>
public abstract class ProgrammeStoreSpecification : StoreSpecification
{
    private readonly ProgrammeSamples _samples;

    /// <summary>Initialises the specification.</summary>
    protected ProgrammeStoreSpecification() => _samples = new ProgrammeSamples(Clock);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAsync_ProgrammeWithTwoCurriculumVersions_IsFoundWithEveryPartInOrder()
    {
        var programme = _samples.Programme(OrganisationA);

        await WithStore<IProgrammeStore>(OrganisationA, s => s.AddAsync(programme, Ct));
        var found = (await WithStore<IProgrammeStore, Programme?>(OrganisationA, async s => await s.FindAsync(programme.Id, Ct)))!;

        found.Version.Should().Be(1);
        found.Should().BeEquivalentTo(programme, ProgrammeSamples.SameState);
        found.Versions.Select(v => v.Modules.Count).Should().Equal(3, 4);
        found.GetVersion(2).Modules[1].LearningOutcomes.Should().Equal("Write an improvement aim with patient partners", "Agree roles in the team");
        found.GetVersion(2).Modules[2].Duration.Should().Be(TimeSpan.FromMinutes(90));

        // 3 + 3 + 2 hours in version 1; 3 + 2.5 + 1.5 + 2 hours in version 2.
        found.Versions.Select(v => v.TotalDuration).Should().Equal(TimeSpan.FromHours(8), TimeSpan.FromHours(9));
        found.AttendanceStatuses.Single(s => s.Code == "Joined online").Weight.Should().Be(0.5m);
        found.CompletionPolicy.Criteria.Select(c => (c.Kind, c.MinimumAttendanceShare)).Should().Equal((CompletionCriterionKind.AttendanceShare, 0.6m), (CompletionCriterionKind.FacilitatorSignOff, (decimal?)null));
    }

    [Fact]
    public async Task UpdateAsync_ThirdVersionAndNewSettings_IsFoundChangedAtVersion2()
    {
        var programme = _samples.Programme(OrganisationA);
        await WithStore<IProgrammeStore>(OrganisationA, s => s.AddAsync(programme, Ct));

        programme.PublishVersion(
            "Shorter showcase",
            [new CurriculumModule("M3", "Showcase", ["Present what changed"], TimeSpan.FromHours(1), DeliveryMode.Online)],
            [new CoDesignContribution(_samples.PatientTrainerB, CoDesignPerspective.LivedExperience, "Asked for an online showcase")],
            Clock);
        programme.ChangeAttendanceStatuses([new("Present", 1m), new("Absent", 0m)], Clock);
        programme.ChangeCompletionPolicy(CompletionPolicy.Default, Clock);
        await WithStore<IProgrammeStore>(OrganisationA, s => s.UpdateAsync(programme, Ct));
        var found = (await WithStore<IProgrammeStore, Programme?>(OrganisationA, async s => await s.FindAsync(programme.Id, Ct)))!;

        found.Version.Should().Be(2);
        found.Should().BeEquivalentTo(programme, ProgrammeSamples.SameState);
        found.Versions.Should().HaveCount(3);
        found.AttendanceStatuses.Select(s => s.Code).Should().Equal("Present", "Absent");
    }

    [Fact]
    public async Task UpdateAsync_StaleProgramme_ThrowsConcurrencyConflictAndKeepsTheFirstChange()
    {
        var programme = _samples.Programme(OrganisationA);
        await WithStore<IProgrammeStore>(OrganisationA, s => s.AddAsync(programme, Ct));
        var first = (await WithStore<IProgrammeStore, Programme?>(OrganisationA, async s => await s.FindAsync(programme.Id, Ct)))!;
        var second = (await WithStore<IProgrammeStore, Programme?>(OrganisationA, async s => await s.FindAsync(programme.Id, Ct)))!;
        first.ChangeDeliveryRules(new DeliveryRules(2, true, 1, 3, 10), Clock);
        second.ChangeDeliveryRules(new DeliveryRules(0, false, 0, 1, 30), Clock);
        await WithStore<IProgrammeStore>(OrganisationA, s => s.UpdateAsync(first, Ct));

        var stale = () => WithStore<IProgrammeStore>(OrganisationA, s => s.UpdateAsync(second, Ct));

        await stale.Should().ThrowAsync<ConcurrencyConflictException>();
        var found = (await WithStore<IProgrammeStore, Programme?>(OrganisationA, async s => await s.FindAsync(programme.Id, Ct)))!;
        found.DeliveryRules.Should().Be(new DeliveryRules(2, true, 1, 3, 10));
        found.Should().BeEquivalentTo(first, ProgrammeSamples.SameState);
    }

    [Fact]
    public async Task ListAsync_ProgrammesOfTwoOrganisations_ReturnsOnlyTheOrganisationsByName()
    {
        var second = _samples.Programme(OrganisationA, "Leading improvement together");
        var first = _samples.Programme(OrganisationA, "Co-Production for Improvement");
        var theirs = _samples.Programme(OrganisationB, "A programme of another trust");
        await WithStore<IProgrammeStore>(OrganisationA, s => s.AddAsync(second, Ct));
        await WithStore<IProgrammeStore>(OrganisationA, s => s.AddAsync(first, Ct));
        await WithStore<IProgrammeStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        var ours = await WithStore<IProgrammeStore, IReadOnlyList<Programme>>(OrganisationA, s => s.ListAsync(Ct));
        var found = await WithStore<IProgrammeStore, Programme?>(OrganisationB, async s => await s.FindAsync(first.Id, Ct));

        ours.Select(p => p.Id).Should().Equal(first.Id, second.Id);
        found.Should().BeNull();
    }

    [Fact]
    public async Task FindByNameAsync_NameOfThisOrganisation_FindsIt_AndAnotherOrganisationsSameName_IsNotSeen()
    {
        var ours = _samples.Programme(OrganisationA, "Leading improvement together");
        var theirs = _samples.Programme(OrganisationB, "Leading improvement together");
        await WithStore<IProgrammeStore>(OrganisationA, s => s.AddAsync(ours, Ct));
        await WithStore<IProgrammeStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        var found = await WithStore<IProgrammeStore, Programme?>(OrganisationA, s => s.FindByNameAsync("Leading improvement together", Ct));
        var otherCase = await WithStore<IProgrammeStore, Programme?>(OrganisationA, s => s.FindByNameAsync("leading improvement together", Ct));

        found!.Id.Should().Be(ours.Id, "the same name in another organisation is theirs");
        otherCase.Should().BeNull("names compare exactly");
    }

    [Fact]
    public async Task AddAsync_SecondProgrammeOfTheSameName_IsRefusedWithTheRuleCodeAndNothingStored()
    {
        var first = _samples.Programme(OrganisationA, "Leading improvement together");
        var second = _samples.Programme(OrganisationA, "Leading improvement together");
        await WithStore<IProgrammeStore>(OrganisationA, s => s.AddAsync(first, Ct));

        var act = () => WithStore<IProgrammeStore>(OrganisationA, s => s.AddAsync(second, Ct));

        var refusal = (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which;
        refusal.Code.Should().Be(ProgrammeErrorCodes.ProgrammeNameTaken);
        refusal.Message.Should().Contain("'Leading improvement together'").And.Contain("FindByNameAsync");
        (await WithStore<IProgrammeStore, IReadOnlyList<Programme>>(OrganisationA, s => s.ListAsync(Ct))).Select(p => p.Id).Should().Equal(first.Id);
    }
}

/// <summary>What every <see cref="ICohortStore"/> must do: round trips of cohorts with sessions, facilitators, teams and the register, updates, stale updates, isolation and its query.</summary>
public abstract class CohortStoreSpecification : StoreSpecification
{
    private readonly ProgrammeSamples _samples;

    /// <summary>Initialises the specification.</summary>
    protected CohortStoreSpecification() => _samples = new ProgrammeSamples(Clock);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAsync_RunningCohort_IsFoundWithSessionsTeamsAndRegisterInOrder()
    {
        var (cohort, delivered, _, withdrawn) = _samples.RunningCohort(_samples.Programme(OrganisationA));

        await WithStore<ICohortStore>(OrganisationA, s => s.AddAsync(cohort, Ct));
        var found = (await WithStore<ICohortStore, Cohort?>(OrganisationA, async s => await s.FindAsync(cohort.Id, Ct)))!;

        found.Version.Should().Be(1);
        found.Should().BeEquivalentTo(cohort, ProgrammeSamples.SameState);
        found.Sessions.Select(s => s.Status).Should().Equal(SessionStatus.Delivered, SessionStatus.Scheduled, SessionStatus.Cancelled);
        found.FindSession(delivered)!.Facilitators.Select(f => f.Role).Should().Equal(FacilitatorRole.Lead, FacilitatorRole.CoFacilitator, FacilitatorRole.Shadow);
        found.Attendance.Should().HaveCount(7);
        found.FindTeam(withdrawn)!.WithdrawalReason.Should().Be("Service reorganised");
        found.ActiveTeams.Should().HaveCount(2);

        // The first team's three members were Present, Late and Joined online: (1 + 1 + 0.5) / 3 of the one session.
        found.AttendanceShareOfTeam(found.Teams[0].Id).Should().Be(2.5m / 3m);
        found.EvaluateTeamCompletion(found.Teams[0].Id).IsComplete.Should().BeTrue();
    }

    [Fact]
    public async Task UpdateAsync_SecondSessionDeliveredAndRegistered_IsFoundChangedAtVersion2()
    {
        var (cohort, _, upcoming, _) = _samples.RunningCohort(_samples.Programme(OrganisationA));
        await WithStore<ICohortStore>(OrganisationA, s => s.AddAsync(cohort, Ct));

        Clock.SetUtcNow(ProgrammeSamples.At(3, 10, 13));
        cohort.ChangeFacilitators(upcoming, [new(_samples.PatientTrainerA, FacilitatorRole.Lead, true), new(_samples.PatientTrainerB, FacilitatorRole.CoFacilitator, true)], Clock);
        cohort.MarkSessionDelivered(upcoming, Clock);
        foreach (var member in cohort.ActiveTeams.SelectMany(t => t.Members))
        {
            cohort.RecordAttendance(upcoming, member.ParticipantId, "Present", Clock);
        }

        cohort.RecordPlanSubmitted(cohort.Teams[1].Id, new DateOnly(2026, 3, 10), Clock);
        await WithStore<ICohortStore>(OrganisationA, s => s.UpdateAsync(cohort, Ct));
        var found = (await WithStore<ICohortStore, Cohort?>(OrganisationA, async s => await s.FindAsync(cohort.Id, Ct)))!;

        found.Version.Should().Be(2);
        found.Should().BeEquivalentTo(cohort, ProgrammeSamples.SameState);

        // 7 lines for the first session, and 5 for the second: the members of the two teams still enrolled.
        found.Attendance.Should().HaveCount(12);
        found.FindSession(upcoming)!.Facilitators.Select(f => f.ParticipantId).Should().Equal(_samples.PatientTrainerA, _samples.PatientTrainerB);
    }

    [Fact]
    public async Task UpdateAsync_StaleCohort_ThrowsConcurrencyConflictAndKeepsTheFirstChange()
    {
        var (cohort, _, _, _) = _samples.RunningCohort(_samples.Programme(OrganisationA));
        await WithStore<ICohortStore>(OrganisationA, s => s.AddAsync(cohort, Ct));
        var completing = (await WithStore<ICohortStore, Cohort?>(OrganisationA, async s => await s.FindAsync(cohort.Id, Ct)))!;
        var withdrawing = (await WithStore<ICohortStore, Cohort?>(OrganisationA, async s => await s.FindAsync(cohort.Id, Ct)))!;
        completing.RecordShowcasePresented(completing.Teams[1].Id, new DateOnly(2026, 3, 3), Clock);
        withdrawing.WithdrawTeam(withdrawing.Teams[1].Id, new DateOnly(2026, 3, 3), "Lost its patient partner", Clock);
        await WithStore<ICohortStore>(OrganisationA, s => s.UpdateAsync(completing, Ct));

        var stale = () => WithStore<ICohortStore>(OrganisationA, s => s.UpdateAsync(withdrawing, Ct));

        await stale.Should().ThrowAsync<ConcurrencyConflictException>();
        var found = (await WithStore<ICohortStore, Cohort?>(OrganisationA, async s => await s.FindAsync(cohort.Id, Ct)))!;
        found.Teams[1].IsWithdrawn.Should().BeFalse();
        found.Should().BeEquivalentTo(completing, ProgrammeSamples.SameState);
    }

    [Fact]
    public async Task ListByProgrammeAsync_CohortsOfSeveralProgrammesAndOrganisations_ReturnsTheProgrammesByStartDate()
    {
        var programme = _samples.Programme(OrganisationA);
        var (later, _, _, _) = _samples.RunningCohort(programme, "Cohort 2", new DateOnly(2026, 3, 2));
        var earlier = Cohort.Plan(programme, 1, "Cohort 1", new DateOnly(2026, 1, 12), new DateOnly(2026, 2, 27), Clock);
        var otherProgramme = Cohort.Plan(_samples.Programme(OrganisationA, "Leading improvement together"), 1, "Cohort 1", new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 27), Clock);
        var theirs = Cohort.Plan(_samples.Programme(OrganisationB), 1, "Cohort 1", new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 27), Clock);
        foreach (var cohort in new[] { later, otherProgramme, earlier })
        {
            await WithStore<ICohortStore>(OrganisationA, s => s.AddAsync(cohort, Ct));
        }

        await WithStore<ICohortStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        var listed = await WithStore<ICohortStore, IReadOnlyList<Cohort>>(OrganisationA, s => s.ListByProgrammeAsync(programme.Id, Ct));
        var listedForB = await WithStore<ICohortStore, IReadOnlyList<Cohort>>(OrganisationB, s => s.ListByProgrammeAsync(programme.Id, Ct));
        var foundByB = await WithStore<ICohortStore, Cohort?>(OrganisationB, async s => await s.FindAsync(later.Id, Ct));

        listed.Select(c => c.Id).Should().Equal(earlier.Id, later.Id);
        listedForB.Should().BeEmpty();
        foundByB.Should().BeNull();
    }
}

/// <summary>What every <see cref="IPatientTrainerPathwayStore"/> must do: round trips of pathways with evidence, sign-offs and a support plan, stale updates, isolation and its queries.</summary>
public abstract class PatientTrainerPathwayStoreSpecification : StoreSpecification
{
    private readonly ProgrammeSamples _samples;

    /// <summary>Initialises the specification.</summary>
    protected PatientTrainerPathwayStoreSpecification() => _samples = new ProgrammeSamples(Clock);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Participant Trainer(OrganisationId organisationId, string pseudonym = "Patient trainer A") =>
        Participant.Register(organisationId, pseudonym, [ParticipantRole.PatientPartner], Clock);

    [Fact]
    public async Task AddAsync_CoFacilitatorPathway_IsFoundWithEvidenceSignOffAndSupportPlan()
    {
        var mentor = ParticipantId.New();
        var pathway = _samples.CoFacilitatorPathway(Trainer(OrganisationA), _samples.StaffFacilitator, mentor);

        await WithStore<IPatientTrainerPathwayStore>(OrganisationA, s => s.AddAsync(pathway, Ct));
        var found = (await WithStore<IPatientTrainerPathwayStore, PatientTrainerPathway?>(OrganisationA, async s => await s.FindAsync(pathway.Id, Ct)))!;

        found.Version.Should().Be(1);
        found.Should().BeEquivalentTo(pathway, ProgrammeSamples.SameState);
        found.Stage.Should().Be(PathwayStage.CoFacilitator);
        found.Evidence.Select(e => e.Kind).Should().Equal(EvidenceKind.SessionObserved, EvidenceKind.SessionObserved, EvidenceKind.Debrief, EvidenceKind.SessionCoDelivered, EvidenceKind.Supervision);
        found.SignOffs.Should().ContainSingle().Which.Should().Be(new StageSignOff(PathwayStage.Observer, PathwayStage.CoFacilitator, _samples.StaffFacilitator, SignatoryCapacity.Staff, new DateOnly(2026, 2, 1)));
        found.SupportPlan!.MentorId.Should().Be(mentor);

        // Since 1 February: one session co-delivered of three, one supervision of one.
        found.MissingEvidence(new PathwayRequirements()).Should().ContainSingle().Which.Should().StartWith("2 more session(s) co-delivered");
    }

    [Fact]
    public async Task AddAsync_PathwayWithoutSupportPlan_IsFoundWithoutOne()
    {
        var pathway = PatientTrainerPathway.Start(Trainer(OrganisationA), new DateOnly(2026, 2, 2), Clock);

        await WithStore<IPatientTrainerPathwayStore>(OrganisationA, s => s.AddAsync(pathway, Ct));
        var found = (await WithStore<IPatientTrainerPathwayStore, PatientTrainerPathway?>(OrganisationA, async s => await s.FindAsync(pathway.Id, Ct)))!;

        found.SupportPlan.Should().BeNull();
        found.Evidence.Should().BeEmpty();
        found.Should().BeEquivalentTo(pathway, ProgrammeSamples.SameState);
    }

    [Fact]
    public async Task UpdateAsync_ProgressedToLeadTrainer_IsFoundAtVersion2AndStaleCopyConflicts()
    {
        var pathway = _samples.CoFacilitatorPathway(Trainer(OrganisationA), _samples.StaffFacilitator, ParticipantId.New());
        await WithStore<IPatientTrainerPathwayStore>(OrganisationA, s => s.AddAsync(pathway, Ct));
        var stale = (await WithStore<IPatientTrainerPathwayStore, PatientTrainerPathway?>(OrganisationA, async s => await s.FindAsync(pathway.Id, Ct)))!;

        pathway.RecordEvidence(EvidenceKind.SessionCoDelivered, new DateOnly(2026, 2, 17), CohortSessionId.New(), null, Clock);
        pathway.RecordEvidence(EvidenceKind.SessionCoDelivered, new DateOnly(2026, 2, 24), CohortSessionId.New(), "Led the second half", Clock);
        pathway.Progress(new PathwayRequirements(), new PathwaySignatory(_samples.PatientTrainerA, SignatoryCapacity.LeadTrainer), new DateOnly(2026, 2, 28), Clock);
        await WithStore<IPatientTrainerPathwayStore>(OrganisationA, s => s.UpdateAsync(pathway, Ct));
        stale.RecordEvidence(EvidenceKind.Debrief, new DateOnly(2026, 2, 20), null, null, Clock);
        var staleUpdate = () => WithStore<IPatientTrainerPathwayStore>(OrganisationA, s => s.UpdateAsync(stale, Ct));

        await staleUpdate.Should().ThrowAsync<ConcurrencyConflictException>();
        var found = (await WithStore<IPatientTrainerPathwayStore, PatientTrainerPathway?>(OrganisationA, async s => await s.FindAsync(pathway.Id, Ct)))!;
        found.Version.Should().Be(2);
        found.Stage.Should().Be(PathwayStage.LeadTrainer);
        found.Should().BeEquivalentTo(pathway, ProgrammeSamples.SameState);
    }

    [Fact]
    public async Task FindByParticipantAndListAsync_PathwaysOfTwoOrganisations_ReturnOnlyTheOrganisationsByStartDate()
    {
        var trainer = Trainer(OrganisationA);
        var coFacilitator = _samples.CoFacilitatorPathway(trainer, _samples.StaffFacilitator, ParticipantId.New());
        var observer = PatientTrainerPathway.Start(Trainer(OrganisationA, "Carer B"), new DateOnly(2025, 11, 3), Clock);
        var theirs = PatientTrainerPathway.Start(Trainer(OrganisationB, "Service user C"), new DateOnly(2025, 10, 1), Clock);
        await WithStore<IPatientTrainerPathwayStore>(OrganisationA, s => s.AddAsync(coFacilitator, Ct));
        await WithStore<IPatientTrainerPathwayStore>(OrganisationA, s => s.AddAsync(observer, Ct));
        await WithStore<IPatientTrainerPathwayStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        var byParticipant = await WithStore<IPatientTrainerPathwayStore, PatientTrainerPathway?>(OrganisationA, s => s.FindByParticipantAsync(trainer.Id, Ct));
        var byParticipantForB = await WithStore<IPatientTrainerPathwayStore, PatientTrainerPathway?>(OrganisationB, s => s.FindByParticipantAsync(trainer.Id, Ct));
        var all = await WithStore<IPatientTrainerPathwayStore, IReadOnlyList<PatientTrainerPathway>>(OrganisationA, s => s.ListAsync(null, Ct));
        var observers = await WithStore<IPatientTrainerPathwayStore, IReadOnlyList<PatientTrainerPathway>>(OrganisationA, s => s.ListAsync(PathwayStage.Observer, Ct));
        var leads = await WithStore<IPatientTrainerPathwayStore, IReadOnlyList<PatientTrainerPathway>>(OrganisationA, s => s.ListAsync(PathwayStage.LeadTrainer, Ct));
        var foundByB = await WithStore<IPatientTrainerPathwayStore, PatientTrainerPathway?>(OrganisationB, async s => await s.FindAsync(coFacilitator.Id, Ct));

        byParticipant!.Id.Should().Be(coFacilitator.Id);
        byParticipantForB.Should().BeNull();
        all.Select(p => p.Id).Should().Equal(observer.Id, coFacilitator.Id);
        observers.Select(p => p.Id).Should().Equal(observer.Id);
        leads.Should().BeEmpty();
        foundByB.Should().BeNull();
    }

    [Fact]
    public async Task AddAsync_SecondPathwayForTheSameParticipant_IsRefusedWithTheRuleCodeAndNothingStored()
    {
        var trainer = Trainer(OrganisationA);
        var first = PatientTrainerPathway.Start(trainer, new DateOnly(2026, 2, 2), Clock);
        var second = PatientTrainerPathway.Start(trainer, new DateOnly(2026, 2, 9), Clock);
        await WithStore<IPatientTrainerPathwayStore>(OrganisationA, s => s.AddAsync(first, Ct));

        var act = () => WithStore<IPatientTrainerPathwayStore>(OrganisationA, s => s.AddAsync(second, Ct));

        var refusal = (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which;
        refusal.Code.Should().Be(ProgrammeErrorCodes.PathwayAlreadyExists);
        refusal.Message.Should().Contain(trainer.Id.ToString()).And.Contain("record evidence on it");
        second.Version.Should().Be(0, "a refused addition leaves the aggregate as it was");
        var all = await WithStore<IPatientTrainerPathwayStore, IReadOnlyList<PatientTrainerPathway>>(OrganisationA, s => s.ListAsync(null, Ct));
        all.Select(p => p.Id).Should().Equal(first.Id);
    }

    [Fact]
    public async Task SaveAsync_TwoPathwaysForOneParticipantInOneUnitOfWork_IsRefusedAndNothingStored()
    {
        var trainer = Trainer(OrganisationA);
        var first = PatientTrainerPathway.Start(trainer, new DateOnly(2026, 2, 2), Clock);
        var second = PatientTrainerPathway.Start(trainer, new DateOnly(2026, 2, 9), Clock);

        var act = () => WithStore<IUnitOfWork>(OrganisationA, u => u.SaveAsync([AggregateChange.Add(first), AggregateChange.Add(second)], Ct));

        (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(ProgrammeErrorCodes.PathwayAlreadyExists);
        (await WithStore<IPatientTrainerPathwayStore, IReadOnlyList<PatientTrainerPathway>>(OrganisationA, s => s.ListAsync(null, Ct))).Should().BeEmpty();
    }

    [Fact]
    public async Task AddAsync_ConcurrentPathwaysForOneParticipant_StoreExactlyOneAndRefuseTheRestWithTheRuleCode()
    {
        // Eight writers who all skipped any check before the insert: only the store can keep the rule.
        var trainer = Trainer(OrganisationA);
        var pathways = Enumerable.Range(0, 8).Select(i => PatientTrainerPathway.Start(trainer, new DateOnly(2026, 2, 2 + i), Clock)).ToList();

        var outcomes = await Task.WhenAll(pathways.Select(p => Task.Run(() => OutcomeAsync(() => WithStore<IPatientTrainerPathwayStore>(OrganisationA, s => s.AddAsync(p, Ct))))));

        outcomes.Count(o => o is null).Should().Be(1, "exactly one writer stores the pathway");
        outcomes.Where(o => o is not null).Should().AllBe(ProgrammeErrorCodes.PathwayAlreadyExists);
        var stored = await WithStore<IPatientTrainerPathwayStore, IReadOnlyList<PatientTrainerPathway>>(OrganisationA, s => s.ListAsync(null, Ct));
        stored.Should().ContainSingle().Which.Id.Should().Be(pathways[Array.IndexOf(outcomes, null)].Id);
    }

    [Fact]
    public async Task StartAsync_ConcurrentCallsForOneParticipant_LeaveOnePathwayAndRefuseTheOthersWithTheRuleCode()
    {
        var trainer = Trainer(OrganisationA);
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(trainer, Ct));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => OutcomeAsync(async () =>
        {
            await using var scope = ScopeFor(OrganisationA);
            await scope.ServiceProvider.GetRequiredService<PatientTrainerPathwayService>().StartAsync(trainer.Id, new DateOnly(2026, 2, 2), Ct);
        }))));

        outcomes.Count(o => o is null).Should().Be(1);
        outcomes.Where(o => o is not null).Should().AllBe(ProgrammeErrorCodes.PathwayAlreadyExists);
        (await WithStore<IPatientTrainerPathwayStore, IReadOnlyList<PatientTrainerPathway>>(OrganisationA, s => s.ListAsync(null, Ct))).Should().ContainSingle()
            .Which.ParticipantId.Should().Be(trainer.Id);
    }

    [Fact]
    public async Task AddAsync_SameParticipantIdInAnotherOrganisation_IsNotAClash()
    {
        // The rule holds within an organisation: the unique key includes the organisation.
        var trainer = Trainer(OrganisationA);
        var ours = PatientTrainerPathway.Start(trainer, new DateOnly(2026, 2, 2), Clock);
        var theirs = PatientTrainerPathway.Start(Trainer(OrganisationB), new DateOnly(2026, 2, 2), Clock);
        typeof(PatientTrainerPathway).GetProperty(nameof(PatientTrainerPathway.ParticipantId))!.SetValue(theirs, trainer.Id);

        await WithStore<IPatientTrainerPathwayStore>(OrganisationA, s => s.AddAsync(ours, Ct));
        await WithStore<IPatientTrainerPathwayStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        (await WithStore<IPatientTrainerPathwayStore, PatientTrainerPathway?>(OrganisationB, s => s.FindByParticipantAsync(trainer.Id, Ct)))!.Id.Should().Be(theirs.Id);
    }

    /// <summary>Runs a write and returns <see langword="null"/> when it succeeded, else the code of the rule that refused it.</summary>
    private static async Task<string?> OutcomeAsync(Func<Task> write)
    {
        try
        {
            await write();
            return null;
        }
        catch (DomainRuleViolationException refused)
        {
            return refused.Code;
        }
    }
}

/// <summary>What every <see cref="IReadinessAssessmentStore"/> must do: round trips of rated checklists, stale updates, isolation and its list.</summary>
public abstract class ReadinessAssessmentStoreSpecification : StoreSpecification
{
    private readonly ProgrammeSamples _samples;

    /// <summary>Initialises the specification.</summary>
    protected ReadinessAssessmentStoreSpecification() => _samples = new ProgrammeSamples(Clock);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAsync_RatedAssessment_IsFoundWithEveryItemInOrder()
    {
        var assessment = _samples.Assessment(OrganisationA, ProgrammeId.New(), ParticipantId.New());

        await WithStore<IReadinessAssessmentStore>(OrganisationA, s => s.AddAsync(assessment, Ct));
        var found = (await WithStore<IReadinessAssessmentStore, ReadinessAssessment?>(OrganisationA, async s => await s.FindAsync(assessment.Id, Ct)))!;

        found.Version.Should().Be(1);
        found.Should().BeEquivalentTo(assessment, ProgrammeSamples.SameState);

        // Ten default items and the trust's own: one met, so ten gaps, the not-met one first, then the partly met.
        var summary = found.Summarise();
        (summary.Total, summary.Met, summary.Partly, summary.NotMet, summary.NotAssessed).Should().Be((11, 1, 1, 1, 8));
        summary.Gaps.Take(2).Select(g => g.Key).Should().Equal("sponsorship", "accessibility");
        found.Items[^1].Key.Should().Be("interpreters");
    }

    [Fact]
    public async Task UpdateAsync_MoreRatings_IsFoundAtVersion2AndStaleCopyConflicts()
    {
        var assessor = ParticipantId.New();
        var assessment = _samples.Assessment(OrganisationA, null, assessor);
        await WithStore<IReadinessAssessmentStore>(OrganisationA, s => s.AddAsync(assessment, Ct));
        var stale = (await WithStore<IReadinessAssessmentStore, ReadinessAssessment?>(OrganisationA, async s => await s.FindAsync(assessment.Id, Ct)))!;

        assessment.Rate("sponsorship", ReadinessRating.Met, null, assessor, new DateOnly(2026, 2, 28), Clock);
        assessment.Rate("interpreters", ReadinessRating.Partly, "Easy-read versions of modules 1 and 2 only", assessor, new DateOnly(2026, 2, 28), Clock);
        await WithStore<IReadinessAssessmentStore>(OrganisationA, s => s.UpdateAsync(assessment, Ct));
        stale.Rate("expenses", ReadinessRating.Met, null, assessor, new DateOnly(2026, 2, 28), Clock);
        var staleUpdate = () => WithStore<IReadinessAssessmentStore>(OrganisationA, s => s.UpdateAsync(stale, Ct));

        await staleUpdate.Should().ThrowAsync<ConcurrencyConflictException>();
        var found = (await WithStore<IReadinessAssessmentStore, ReadinessAssessment?>(OrganisationA, async s => await s.FindAsync(assessment.Id, Ct)))!;
        found.Version.Should().Be(2);
        found.ProgrammeId.Should().BeNull();
        found.FindItem("expenses")!.Rating.Should().BeNull();
        found.Should().BeEquivalentTo(assessment, ProgrammeSamples.SameState);
    }

    [Fact]
    public async Task ListAsync_AssessmentsOfTwoOrganisations_ReturnsOnlyTheOrganisationsNewestFirst()
    {
        var older = _samples.Assessment(OrganisationA, null, ParticipantId.New(), "Readiness, January");
        Clock.Advance(TimeSpan.FromDays(30));
        var newer = _samples.Assessment(OrganisationA, null, ParticipantId.New(), "Readiness, February");
        var theirs = _samples.Assessment(OrganisationB, null, ParticipantId.New());
        await WithStore<IReadinessAssessmentStore>(OrganisationA, s => s.AddAsync(older, Ct));
        await WithStore<IReadinessAssessmentStore>(OrganisationA, s => s.AddAsync(newer, Ct));
        await WithStore<IReadinessAssessmentStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        var ours = await WithStore<IReadinessAssessmentStore, IReadOnlyList<ReadinessAssessment>>(OrganisationA, s => s.ListAsync(Ct));
        var foundByB = await WithStore<IReadinessAssessmentStore, ReadinessAssessment?>(OrganisationB, async s => await s.FindAsync(older.Id, Ct));

        ours.Select(a => a.Id).Should().Equal(newer.Id, older.Id);
        foundByB.Should().BeNull();
    }
}

/// <summary>What every <see cref="IQuestionnaireStore"/> must do: round trips of questionnaires with their items, isolation and its list.</summary>
public abstract class QuestionnaireStoreSpecification : StoreSpecification
{
    private readonly ProgrammeSamples _samples;

    /// <summary>Initialises the specification.</summary>
    protected QuestionnaireStoreSpecification() => _samples = new ProgrammeSamples(Clock);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAsync_Questionnaire_IsFoundWithItemsInOrder()
    {
        var questionnaire = _samples.Questionnaire(OrganisationA);

        await WithStore<IQuestionnaireStore>(OrganisationA, s => s.AddAsync(questionnaire, Ct));
        var found = (await WithStore<IQuestionnaireStore, Questionnaire?>(OrganisationA, async s => await s.FindAsync(questionnaire.Id, Ct)))!;

        found.Version.Should().Be(1);
        found.Should().BeEquivalentTo(questionnaire, ProgrammeSamples.SameState);
        found.Items.Select(i => i.Code).Should().Equal("C1", "C2", "C3");
        (found.ScaleMinimum, found.ScaleMaximum).Should().Be((1, 5));
    }

    [Fact]
    public async Task UpdateAsync_StaleQuestionnaire_ThrowsConcurrencyConflict()
    {
        var questionnaire = _samples.Questionnaire(OrganisationA);
        await WithStore<IQuestionnaireStore>(OrganisationA, s => s.AddAsync(questionnaire, Ct));
        var stale = (await WithStore<IQuestionnaireStore, Questionnaire?>(OrganisationA, async s => await s.FindAsync(questionnaire.Id, Ct)))!;

        // A questionnaire has no commands after creation: saving it unchanged still claims the next version.
        await WithStore<IQuestionnaireStore>(OrganisationA, s => s.UpdateAsync(questionnaire, Ct));
        var staleUpdate = () => WithStore<IQuestionnaireStore>(OrganisationA, s => s.UpdateAsync(stale, Ct));

        await staleUpdate.Should().ThrowAsync<ConcurrencyConflictException>();
        var found = (await WithStore<IQuestionnaireStore, Questionnaire?>(OrganisationA, async s => await s.FindAsync(questionnaire.Id, Ct)))!;
        found.Version.Should().Be(2);
        found.Should().BeEquivalentTo(questionnaire, ProgrammeSamples.SameState);
    }

    [Fact]
    public async Task ListAsync_QuestionnairesOfTwoOrganisations_ReturnsOnlyTheOrganisationsByTitle()
    {
        var second = _samples.Questionnaire(OrganisationA, "Confidence in co-production");
        var first = _samples.Questionnaire(OrganisationA, "Being heard");
        var theirs = _samples.Questionnaire(OrganisationB, "A questionnaire of another trust");
        await WithStore<IQuestionnaireStore>(OrganisationA, s => s.AddAsync(second, Ct));
        await WithStore<IQuestionnaireStore>(OrganisationA, s => s.AddAsync(first, Ct));
        await WithStore<IQuestionnaireStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        var ours = await WithStore<IQuestionnaireStore, IReadOnlyList<Questionnaire>>(OrganisationA, s => s.ListAsync(Ct));
        var foundByB = await WithStore<IQuestionnaireStore, Questionnaire?>(OrganisationB, async s => await s.FindAsync(first.Id, Ct));

        ours.Select(q => q.Id).Should().Equal(first.Id, second.Id);
        foundByB.Should().BeNull();
    }
}

/// <summary>What every <see cref="ICohortEvaluationStore"/> must do: round trips of evaluations with items and answers, updates, stale updates, isolation and its queries.</summary>
public abstract class CohortEvaluationStoreSpecification : StoreSpecification
{
    private readonly ProgrammeSamples _samples;

    /// <summary>Initialises the specification.</summary>
    protected CohortEvaluationStoreSpecification() => _samples = new ProgrammeSamples(Clock);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAsync_EvaluationWithAnswers_IsFoundWithItemsAndAnswersInOrder()
    {
        var (cohort, _, _, _) = _samples.RunningCohort(_samples.Programme(OrganisationA));
        var evaluation = _samples.Evaluation(cohort, _samples.Questionnaire(OrganisationA));

        await WithStore<ICohortEvaluationStore>(OrganisationA, s => s.AddAsync(evaluation, Ct));
        var found = (await WithStore<ICohortEvaluationStore, CohortEvaluation?>(OrganisationA, async s => await s.FindAsync(evaluation.Id, Ct)))!;

        found.Version.Should().Be(1);
        found.Should().BeEquivalentTo(evaluation, ProgrammeSamples.SameState);

        // Before: 3 + 2 + 1 answers; after: 3 + 2. Pairs for C1 are the two members who answered both times.
        found.Answers.Should().HaveCount(11);
        found.RespondentCount(ResponseTiming.Before).Should().Be(3);
        found.RespondentCount(ResponseTiming.After).Should().Be(2);
        found.PairsFor("C1").Should().Equal((2, 4), (3, 5));
    }

    [Fact]
    public async Task UpdateAsync_LateResponse_IsFoundAtVersion2AndStaleCopyConflicts()
    {
        var (cohort, _, _, _) = _samples.RunningCohort(_samples.Programme(OrganisationA));
        var evaluation = _samples.Evaluation(cohort, _samples.Questionnaire(OrganisationA));
        await WithStore<ICohortEvaluationStore>(OrganisationA, s => s.AddAsync(evaluation, Ct));
        var stale = (await WithStore<ICohortEvaluationStore, CohortEvaluation?>(OrganisationA, async s => await s.FindAsync(evaluation.Id, Ct)))!;
        var third = cohort.Teams.SelectMany(t => t.Members).ElementAt(2).ParticipantId;

        evaluation.RecordResponse(cohort, third, ResponseTiming.After, new DateOnly(2026, 3, 4), [new("C1", 3)], Clock);
        await WithStore<ICohortEvaluationStore>(OrganisationA, s => s.UpdateAsync(evaluation, Ct));
        stale.RecordResponse(cohort, third, ResponseTiming.After, new DateOnly(2026, 3, 4), [new("C1", 1)], Clock);
        var staleUpdate = () => WithStore<ICohortEvaluationStore>(OrganisationA, s => s.UpdateAsync(stale, Ct));

        await staleUpdate.Should().ThrowAsync<ConcurrencyConflictException>();
        var found = (await WithStore<ICohortEvaluationStore, CohortEvaluation?>(OrganisationA, async s => await s.FindAsync(evaluation.Id, Ct)))!;
        found.Version.Should().Be(2);
        found.PairsFor("C1").Should().Equal((2, 4), (3, 5), (1, 3));
        found.Should().BeEquivalentTo(evaluation, ProgrammeSamples.SameState);
    }

    [Fact]
    public async Task ListByCohortAndProgrammeAsync_EvaluationsOfSeveralCohorts_ReturnOnlyTheMatchingOnesOfTheOrganisation()
    {
        var programme = _samples.Programme(OrganisationA);
        var questionnaire = _samples.Questionnaire(OrganisationA);
        var (first, _, _, _) = _samples.RunningCohort(programme, "Cohort 1");
        var (second, _, _, _) = _samples.RunningCohort(programme, "Cohort 2");
        var (otherProgrammes, _, _, _) = _samples.RunningCohort(_samples.Programme(OrganisationA, "Leading improvement together"));
        var ofFirst = _samples.Evaluation(first, questionnaire);
        Clock.Advance(TimeSpan.FromDays(1));
        var ofSecond = _samples.Evaluation(second, questionnaire);
        var ofOther = _samples.Evaluation(otherProgrammes, questionnaire);
        var (theirCohort, _, _, _) = _samples.RunningCohort(_samples.Programme(OrganisationB));
        var theirs = _samples.Evaluation(theirCohort, _samples.Questionnaire(OrganisationB));
        foreach (var evaluation in new[] { ofOther, ofSecond, ofFirst })
        {
            await WithStore<ICohortEvaluationStore>(OrganisationA, s => s.AddAsync(evaluation, Ct));
        }

        await WithStore<ICohortEvaluationStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        var byCohort = await WithStore<ICohortEvaluationStore, IReadOnlyList<CohortEvaluation>>(OrganisationA, s => s.ListByCohortAsync(second.Id, Ct));
        var byProgramme = await WithStore<ICohortEvaluationStore, IReadOnlyList<CohortEvaluation>>(OrganisationA, s => s.ListByProgrammeAsync(programme.Id, Ct));
        var byCohortForB = await WithStore<ICohortEvaluationStore, IReadOnlyList<CohortEvaluation>>(OrganisationB, s => s.ListByCohortAsync(second.Id, Ct));
        var foundByB = await WithStore<ICohortEvaluationStore, CohortEvaluation?>(OrganisationB, async s => await s.FindAsync(ofFirst.Id, Ct));

        byCohort.Select(e => e.Id).Should().Equal(ofSecond.Id);
        byProgramme.Select(e => e.Id).Should().Equal(ofFirst.Id, ofSecond.Id);
        byCohortForB.Should().BeEmpty();
        foundByB.Should().BeNull();
    }

    [Fact]
    public async Task AddAsync_SecondEvaluationOfTheSameCohortAndQuestionnaire_IsRefusedWithTheRuleCode()
    {
        var (cohort, _, _, _) = _samples.RunningCohort(_samples.Programme(OrganisationA));
        var questionnaire = _samples.Questionnaire(OrganisationA);
        var first = CohortEvaluation.Start(cohort, questionnaire, Clock);
        var second = CohortEvaluation.Start(cohort, questionnaire, Clock);
        var otherQuestionnaire = CohortEvaluation.Start(cohort, _samples.Questionnaire(OrganisationA, "Being heard"), Clock);
        await WithStore<ICohortEvaluationStore>(OrganisationA, s => s.AddAsync(first, Ct));
        await WithStore<ICohortEvaluationStore>(OrganisationA, s => s.AddAsync(otherQuestionnaire, Ct));

        var act = () => WithStore<ICohortEvaluationStore>(OrganisationA, s => s.AddAsync(second, Ct));

        var refusal = (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which;
        refusal.Code.Should().Be(ProgrammeErrorCodes.EvaluationAlreadyExists);
        refusal.Message.Should().Contain("record responses on that evaluation");
        var stored = await WithStore<ICohortEvaluationStore, IReadOnlyList<CohortEvaluation>>(OrganisationA, s => s.ListByCohortAsync(cohort.Id, Ct));
        stored.Select(e => e.Id).Should().BeEquivalentTo([first.Id, otherQuestionnaire.Id]);
    }

    [Fact]
    public async Task AddAsync_ConcurrentEvaluationsOfOneCohortAndQuestionnaire_StoreExactlyOne()
    {
        var (cohort, _, _, _) = _samples.RunningCohort(_samples.Programme(OrganisationA));
        var questionnaire = _samples.Questionnaire(OrganisationA);
        var evaluations = Enumerable.Range(0, 8).Select(_ => CohortEvaluation.Start(cohort, questionnaire, Clock)).ToList();

        var outcomes = await Task.WhenAll(evaluations.Select(e => Task.Run(async () =>
        {
            try
            {
                await WithStore<ICohortEvaluationStore>(OrganisationA, s => s.AddAsync(e, Ct));
                return null;
            }
            catch (DomainRuleViolationException refused)
            {
                return refused.Code;
            }
        })));

        outcomes.Count(o => o is null).Should().Be(1);
        outcomes.Where(o => o is not null).Should().AllBe(ProgrammeErrorCodes.EvaluationAlreadyExists);
        (await WithStore<ICohortEvaluationStore, IReadOnlyList<CohortEvaluation>>(OrganisationA, s => s.ListByCohortAsync(cohort.Id, Ct))).Should().ContainSingle();
    }
}
