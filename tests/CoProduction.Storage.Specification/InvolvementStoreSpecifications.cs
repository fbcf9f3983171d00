using CoProduction.Programmes.Cohorts;
using CoProduction.PeerReview;
using CoProduction.Involvement.Assessments;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Scoring;
using FluentAssertions.Equivalency;

namespace CoProduction.Storage.Specification;

/// <summary>Test data shared by the involvement specifications: frameworks adopted from the shipped presets.</summary>
public static class InvolvementSpecificationData
{
    /// <summary>
    /// Adopts the TLAP ladder of co-production (3 level groups, 7 levels), the UK Standards for Public Involvement
    /// (1 rating scale of 4 points, 6 standards of 2 indicators each) and the Model for Improvement (7 phases) as a
    /// draft, then edits it: the top level renamed, the governance standard weighted 2 and one of its indicators 3.
    /// </summary>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The draft framework, not yet stored.</returns>
    public static InvolvementFramework AdoptedDraft(OrganisationId organisationId, TimeProvider clock)
    {
        var framework = InvolvementFramework.Adopt(
            organisationId,
            "trust-framework",
            "Trust involvement framework",
            "2026.1",
            [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.UkStandardsForPublicInvolvement, FrameworkPresets.ModelForImprovement],
            clock);
        framework.ReviseLevel("co-production", "Co-production", "Patients, carers and staff share power from the first meeting to the last.", clock);
        framework.ChangeStandardWeight("governance", 2, clock);
        framework.ChangeIndicatorWeight("ukspi-gv-decisions", 3, clock);
        return framework;
    }

    /// <summary>Adopts and publishes the framework of <see cref="AdoptedDraft"/>.</summary>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The published framework, not yet stored.</returns>
    public static InvolvementFramework Published(OrganisationId organisationId, TimeProvider clock)
    {
        var framework = AdoptedDraft(organisationId, clock);
        framework.Publish(clock);
        return framework;
    }

    /// <summary>
    /// Compares aggregates (and the value records they hold) member by member, lists in order, leaving out the
    /// pending events and, when asked, the storage version.
    /// </summary>
    /// <typeparam name="T">The aggregate type.</typeparam>
    /// <param name="options">The options.</param>
    /// <param name="includeVersion">Whether the storage version must match too.</param>
    /// <returns>The options.</returns>
    public static EquivalencyAssertionOptions<T> SameState<T>(EquivalencyAssertionOptions<T> options, bool includeVersion = false)
        where T : IAggregateRoot
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.ComparingByMembers<T>().ComparingRecordsByMembers().WithStrictOrdering().Excluding(a => a.PendingEvents);
        return includeVersion ? configured : configured.Excluding(a => a.Version);
    }
}

/// <summary>What every <see cref="IInvolvementFrameworkStore"/> must do: round trips of whole frameworks, edits, stale updates, isolation and its list.</summary>
public abstract class InvolvementFrameworkStoreSpecification : StoreSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAsync_FrameworkAdoptedFromPresets_IsFoundWithEveryPartInOrder()
    {
        var framework = InvolvementSpecificationData.AdoptedDraft(OrganisationA, Clock);

        await WithStore<IInvolvementFrameworkStore>(OrganisationA, s => s.AddAsync(framework, Ct));
        var found = (await WithStore<IInvolvementFrameworkStore, InvolvementFramework?>(OrganisationA, async s => await s.FindAsync(framework.Id, Ct)))!;

        found.Version.Should().Be(1);
        found.Should().BeEquivalentTo(framework, o => InvolvementSpecificationData.SameState(o));

        // The presets' counts: TLAP 3 groups and 7 levels, UK Standards 6 standards of 2 indicators on one 4-point scale, 7 PDSA phases.
        found.LevelGroups.Should().HaveCount(3);
        found.Levels.Select(l => l.Id).Should().Equal("coercion", "educating", "informing", "consultation", "engagement", "co-design", "co-production");
        found.Levels[^1].Description.Should().Be("Patients, carers and staff share power from the first meeting to the last.");
        found.RatingScales.Should().ContainSingle().Which.Points.Select(p => p.Value).Should().Equal(0, 1, 2, 3);
        found.Standards.Should().HaveCount(6);
        found.Standards.SelectMany(s => s.Indicators).Should().HaveCount(12);
        found.Standards.Single(s => s.Id == "governance").Weight.Should().Be(2);
        found.FindIndicator("ukspi-gv-decisions")!.Value.Indicator.Weight.Should().Be(3);
        found.Phases.Select(p => p.Id).Should().Equal("aim", "measures", "changes", "plan", "do", "study", "act");
        found.InformingLevelId.Should().Be(framework.InformingLevelId);
        found.Status.Should().Be(FrameworkStatus.Draft);
    }

    [Fact]
    public async Task AddAsync_FrameworkImportedFromJson_IsFoundEqualToTheImport()
    {
        var source = InvolvementFramework.Adopt(OrganisationB, "own-framework", "Our own framework", "1", [FrameworkPresets.ArnsteinLadder, FrameworkPresets.FourPiStandards, FrameworkPresets.ExperienceBasedCoDesign], Clock);
        var imported = InvolvementFramework.Import(OrganisationA, FrameworkJson.Serialize(source.ToDefinition()), Clock);

        await WithStore<IInvolvementFrameworkStore>(OrganisationA, s => s.AddAsync(imported, Ct));
        var found = (await WithStore<IInvolvementFrameworkStore, InvolvementFramework?>(OrganisationA, async s => await s.FindAsync(imported.Id, Ct)))!;

        found.Should().BeEquivalentTo(imported, o => InvolvementSpecificationData.SameState(o));
        found.ToDefinition().Should().BeEquivalentTo(source.ToDefinition(), o => o.ComparingRecordsByMembers().WithStrictOrdering());
    }

    [Fact]
    public async Task UpdateAsync_ContentRevisedThenPublished_ReplacesTheChildRowsAndIsFoundPublished()
    {
        var framework = InvolvementSpecificationData.AdoptedDraft(OrganisationA, Clock);
        await WithStore<IInvolvementFrameworkStore>(OrganisationA, s => s.AddAsync(framework, Ct));

        // Keep the ladder and life cycle, but only the first two of the six standards, and a phase fewer.
        var current = framework.ToDefinition();
        framework.Revise(current with { Standards = [.. current.Standards.Take(2)], Phases = [.. current.Phases.SkipLast(1)] }, Clock);
        await WithStore<IInvolvementFrameworkStore>(OrganisationA, s => s.UpdateAsync(framework, Ct));
        Clock.Advance(TimeSpan.FromDays(1));
        framework.Publish(Clock);
        await WithStore<IInvolvementFrameworkStore>(OrganisationA, s => s.UpdateAsync(framework, Ct));
        var found = (await WithStore<IInvolvementFrameworkStore, InvolvementFramework?>(OrganisationA, async s => await s.FindAsync(framework.Id, Ct)))!;

        found.Version.Should().Be(3);
        found.Should().BeEquivalentTo(framework, o => InvolvementSpecificationData.SameState(o, includeVersion: true));
        found.Standards.Select(s => s.Id).Should().Equal("inclusive-opportunities", "working-together");
        found.Standards.SelectMany(s => s.Indicators).Should().HaveCount(4);
        found.Phases.Should().HaveCount(6);
        found.Status.Should().Be(FrameworkStatus.Published);
        found.PublishedAt.Should().Be(Clock.GetUtcNow());
    }

    [Fact]
    public async Task UpdateAsync_StaleFramework_ThrowsConcurrencyConflictAndKeepsTheFirstChange()
    {
        var framework = InvolvementSpecificationData.AdoptedDraft(OrganisationA, Clock);
        await WithStore<IInvolvementFrameworkStore>(OrganisationA, s => s.AddAsync(framework, Ct));
        var publishing = (await WithStore<IInvolvementFrameworkStore, InvolvementFramework?>(OrganisationA, async s => await s.FindAsync(framework.Id, Ct)))!;
        var reweighting = (await WithStore<IInvolvementFrameworkStore, InvolvementFramework?>(OrganisationA, async s => await s.FindAsync(framework.Id, Ct)))!;
        publishing.Publish(Clock);
        reweighting.ChangeStandardWeight("impact", 5, Clock);
        await WithStore<IInvolvementFrameworkStore>(OrganisationA, s => s.UpdateAsync(publishing, Ct));

        var stale = () => WithStore<IInvolvementFrameworkStore>(OrganisationA, s => s.UpdateAsync(reweighting, Ct));

        await stale.Should().ThrowAsync<ConcurrencyConflictException>();
        var found = (await WithStore<IInvolvementFrameworkStore, InvolvementFramework?>(OrganisationA, async s => await s.FindAsync(framework.Id, Ct)))!;
        found.Status.Should().Be(FrameworkStatus.Published);
        found.Standards.Single(s => s.Id == "impact").Weight.Should().Be(1);
        found.Should().BeEquivalentTo(publishing, o => InvolvementSpecificationData.SameState(o, includeVersion: true));
    }

    [Fact]
    public async Task ListAsync_RevisionsAndOtherOrganisations_ReturnsOnlyTheOrganisationsByKeyThenVersion()
    {
        var trust = InvolvementSpecificationData.Published(OrganisationA, Clock);
        var revision = trust.CreateRevision("2026.2", Clock);
        var arnstein = InvolvementFramework.Adopt(OrganisationA, "arnstein-only", "Arnstein with PDSA", "1", [FrameworkPresets.ArnsteinLadder, FrameworkPresets.ModelForImprovement], Clock);
        var theirs = InvolvementSpecificationData.AdoptedDraft(OrganisationB, Clock);
        foreach (var framework in new[] { revision, trust, arnstein })
        {
            await WithStore<IInvolvementFrameworkStore>(OrganisationA, s => s.AddAsync(framework, Ct));
        }

        await WithStore<IInvolvementFrameworkStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        var listed = await WithStore<IInvolvementFrameworkStore, IReadOnlyList<InvolvementFramework>>(OrganisationA, s => s.ListAsync(Ct));

        // Keys "arnstein-only" < "trust-framework"; versions "2026.1" < "2026.2".
        listed.Select(f => f.Id).Should().Equal(arnstein.Id, trust.Id, revision.Id);
        listed[2].RevisionOfId.Should().Be(trust.Id);
        listed[2].Should().BeEquivalentTo(revision, o => InvolvementSpecificationData.SameState(o));
    }

    [Fact]
    public async Task FindAsyncAndListAsync_AnotherOrganisationsFramework_SeeNothing()
    {
        var framework = InvolvementSpecificationData.Published(OrganisationA, Clock);
        await WithStore<IInvolvementFrameworkStore>(OrganisationA, s => s.AddAsync(framework, Ct));

        var found = await WithStore<IInvolvementFrameworkStore, InvolvementFramework?>(OrganisationB, async s => await s.FindAsync(framework.Id, Ct));
        var listed = await WithStore<IInvolvementFrameworkStore, IReadOnlyList<InvolvementFramework>>(OrganisationB, s => s.ListAsync(Ct));

        found.Should().BeNull();
        listed.Should().BeEmpty();
    }
}

/// <summary>What every <see cref="IImprovementProjectStore"/> must do: round trips of projects with team, plan, records and measures, updates, stale updates, isolation and its queries.</summary>
public abstract class ImprovementProjectStoreSpecification : StoreSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Gets a published framework (TLAP ladder, UK Standards, Model for Improvement) of <see cref="StoreSpecification.OrganisationA"/>.</summary>
    protected InvolvementFramework FrameworkA { get; }

    /// <summary>Gets a published framework of <see cref="StoreSpecification.OrganisationB"/>.</summary>
    protected InvolvementFramework FrameworkB { get; }

    /// <summary>Initialises the specification with a published framework for each organisation.</summary>
    protected ImprovementProjectStoreSpecification()
    {
        FrameworkA = InvolvementSpecificationData.Published(OrganisationA, Clock);
        FrameworkB = InvolvementSpecificationData.Published(OrganisationB, Clock);
    }

    /// <summary>
    /// Starts a project (1 June 2025) with every part filled in: a lead, a patient partner and a carer on the core
    /// team and a staff member who left; an involvement aim; plans for three phases; two involvement records (one with
    /// "you said, we did" feedback) with three people between them; two measures, one with the change's date, and
    /// four values; two peer-review submissions and the cohort team it came from; moved to the "do" phase.
    /// </summary>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="framework">Its published framework.</param>
    /// <param name="title">The title.</param>
    /// <param name="partner">The patient partner on the team, who also took part in the first record.</param>
    /// <param name="guest">Someone who took part in the second record only.</param>
    /// <returns>The project, not yet stored.</returns>
    protected ImprovementProject NewProject(OrganisationId organisationId, InvolvementFramework framework, string title, ParticipantId partner, ParticipantId guest)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var lead = ParticipantId.New();
        var project = ImprovementProject.Start(organisationId, framework, title, "Halve the wait for medicines at discharge", "Acute medicine", lead, new DateOnly(2025, 6, 1), Clock);
        project.StateInvolvementAim("Patients and carers shape what a good discharge feels like.", Clock);
        project.AddTeamMember(partner, ProjectTeamRole.PatientPartner, true, new DateOnly(2025, 6, 1), Clock);
        project.AddTeamMember(ParticipantId.New(), ProjectTeamRole.Carer, true, new DateOnly(2025, 6, 15), Clock);
        var pharmacist = ParticipantId.New();
        project.AddTeamMember(pharmacist, ProjectTeamRole.StaffMember, false, new DateOnly(2025, 7, 1), Clock);
        project.RemoveTeamMember(pharmacist, new DateOnly(2025, 9, 30), Clock);
        project.PlanInvolvement(framework, "do", "co-design", "Two patient partners", "Test the new checklist on the ward", Clock);
        project.PlanInvolvement(framework, "aim", "co-production", "Patient partners and a carer", "Set the aim together in a workshop", Clock);
        project.PlanInvolvement(framework, "measures", "consultation", "Ward patients", "A short survey of what matters", Clock);
        var workshop = project.RecordInvolvement(framework, new DateOnly(2025, 6, 20), "aim", "co-production", "Aim-setting workshop", [new InvolvedParticipant(partner, true), new InvolvedParticipant(lead, false)], Clock);
        project.RecordFeedback(workshop, new DateOnly(2025, 7, 4), "The aim now names the wait patients feel, not the pharmacy's.", Clock);
        project.RecordInvolvement(framework, new DateOnly(2025, 8, 12), "measures", "consultation", "Survey of patients awaiting discharge", [new InvolvedParticipant(guest, true)], Clock);
        var wait = project.DefineMeasure("Hours from decision to discharge", MeasureType.Outcome, true, ImprovementDirection.Decrease, "hours", Clock);
        var checklist = project.DefineMeasure("Checklist used", MeasureType.Process, false, ImprovementDirection.Increase, null, Clock);
        project.RecordChangeIntroduced(wait, new DateOnly(2025, 9, 1), Clock);
        project.RecordMeasureValue(wait, new DateOnly(2025, 5, 1), 6.5, Clock);
        project.RecordMeasureValue(wait, new DateOnly(2025, 10, 1), 4.25, Clock);
        project.RecordMeasureValue(checklist, new DateOnly(2025, 10, 1), 0.8, Clock);
        project.RecordMeasureValue(wait, new DateOnly(2025, 8, 1), 6.0, Clock);
        project.LinkPeerReviewSubmission(ReviewSubmissionId.New(), Clock);
        project.LinkPeerReviewSubmission(ReviewSubmissionId.New(), Clock);
        project.LinkCohortTeam(CohortId.New(), CohortTeamId.New(), Clock);
        project.MoveToPhase(framework, "do", Clock);
        return project;
    }

    private ImprovementProject NewProjectA(string title = "Discharge lounge") => NewProject(OrganisationA, FrameworkA, title, ParticipantId.New(), ParticipantId.New());

    [Fact]
    public async Task AddAsync_ProjectWithTeamPlanRecordsAndMeasures_IsFoundWithEveryPartInOrder()
    {
        var project = NewProjectA();

        await WithStore<IImprovementProjectStore>(OrganisationA, s => s.AddAsync(project, Ct));
        var found = (await WithStore<IImprovementProjectStore, ImprovementProject?>(OrganisationA, async s => await s.FindAsync(project.Id, Ct)))!;

        found.Version.Should().Be(1);
        found.Should().BeEquivalentTo(project, o => InvolvementSpecificationData.SameState(o));
        found.Team.Should().HaveCount(4);
        found.CurrentTeam.Should().HaveCount(3);
        found.Plan.Select(p => p.PhaseId).Should().Equal("aim", "measures", "do");
        found.Records.Should().HaveCount(2);
        found.Records[0].Participants.Should().HaveCount(2);
        found.Records[0].FeedbackGivenOn.Should().Be(new DateOnly(2025, 7, 4));
        found.Records[1].FeedbackGivenOn.Should().BeNull();
        found.Measures.Select(m => m.ChangeIntroducedOn).Should().Equal(new DateOnly(2025, 9, 1), null);
        found.ValuesOf(found.Measures[0].Id).Select(v => v.Value).Should().Equal(6.5, 6.0, 4.25);
        found.PeerReviewSubmissionIds.Should().Equal(project.PeerReviewSubmissionIds);
        found.OriginCohortTeamId.Should().Be(project.OriginCohortTeamId);
        found.CurrentPhaseId.Should().Be("do");
    }

    [Fact]
    public async Task AddAsync_JustStartedProject_IsFoundWithOnlyItsLead()
    {
        var lead = ParticipantId.New();
        var project = ImprovementProject.Start(OrganisationA, FrameworkA, "Falls at night", "Fewer falls on the ward at night", "Older people's care", lead, new DateOnly(2026, 2, 1), Clock);

        await WithStore<IImprovementProjectStore>(OrganisationA, s => s.AddAsync(project, Ct));
        var found = (await WithStore<IImprovementProjectStore, ImprovementProject?>(OrganisationA, async s => await s.FindAsync(project.Id, Ct)))!;

        found.Should().BeEquivalentTo(project, o => InvolvementSpecificationData.SameState(o));
        found.Team.Should().ContainSingle().Which.ParticipantId.Should().Be(lead);
        found.InvolvementAim.Should().BeNull();
        found.OriginCohortId.Should().BeNull();
        found.Plan.Should().BeEmpty();
        found.Records.Should().BeEmpty();
        found.PeerReviewSubmissionIds.Should().BeEmpty();
    }

    [Fact]
    public async Task UpdateAsync_FeedbackClosureAndInvolvementAfterClosure_IsFoundAtVersion2WithEveryChange()
    {
        var project = NewProjectA();
        await WithStore<IImprovementProjectStore>(OrganisationA, s => s.AddAsync(project, Ct));

        project.RecordFeedback(project.Records[1].Id, new DateOnly(2025, 9, 1), "Your survey answers set the measures we now track.", Clock);
        project.Close(new DateOnly(2026, 1, 31), Clock);
        project.RecordInvolvement(FrameworkA, new DateOnly(2026, 2, 20), "act", "engagement", "Partners reviewed the spread plan", [new InvolvedParticipant(ParticipantId.New(), true)], Clock);
        await WithStore<IImprovementProjectStore>(OrganisationA, s => s.UpdateAsync(project, Ct));
        var found = (await WithStore<IImprovementProjectStore, ImprovementProject?>(OrganisationA, async s => await s.FindAsync(project.Id, Ct)))!;

        found.Version.Should().Be(2);
        found.Should().BeEquivalentTo(project, o => InvolvementSpecificationData.SameState(o, includeVersion: true));
        found.Status.Should().Be(ProjectStatus.Closed);
        found.ClosedOn.Should().Be(new DateOnly(2026, 1, 31));
        found.Records.Should().HaveCount(3);
        found.Records[1].FeedbackSummary.Should().Be("Your survey answers set the measures we now track.");
    }

    [Fact]
    public async Task UpdateAsync_StaleProject_ThrowsConcurrencyConflictAndKeepsTheFirstChange()
    {
        var project = NewProjectA();
        await WithStore<IImprovementProjectStore>(OrganisationA, s => s.AddAsync(project, Ct));
        var closing = (await WithStore<IImprovementProjectStore, ImprovementProject?>(OrganisationA, async s => await s.FindAsync(project.Id, Ct)))!;
        var measuring = (await WithStore<IImprovementProjectStore, ImprovementProject?>(OrganisationA, async s => await s.FindAsync(project.Id, Ct)))!;
        closing.Close(new DateOnly(2026, 2, 27), Clock);
        measuring.RecordMeasureValue(measuring.Measures[0].Id, new DateOnly(2026, 2, 1), 3.5, Clock);
        await WithStore<IImprovementProjectStore>(OrganisationA, s => s.UpdateAsync(closing, Ct));

        var stale = () => WithStore<IImprovementProjectStore>(OrganisationA, s => s.UpdateAsync(measuring, Ct));

        await stale.Should().ThrowAsync<ConcurrencyConflictException>();
        var found = (await WithStore<IImprovementProjectStore, ImprovementProject?>(OrganisationA, async s => await s.FindAsync(project.Id, Ct)))!;
        found.Status.Should().Be(ProjectStatus.Closed);
        found.MeasureValues.Should().HaveCount(4);
        found.Should().BeEquivalentTo(closing, o => InvolvementSpecificationData.SameState(o, includeVersion: true));
    }

    [Fact]
    public async Task ListAsync_ActiveAndClosedProjects_ReturnsThoseWithTheStatusByTitle()
    {
        var wards = NewProjectA("Ward rounds");
        var discharge = NewProjectA("Discharge lounge");
        var closed = NewProjectA("Appointment letters");
        closed.Close(new DateOnly(2026, 2, 1), Clock);
        var theirs = NewProject(OrganisationB, FrameworkB, "Another trust's project", ParticipantId.New(), ParticipantId.New());
        foreach (var project in new[] { wards, closed, discharge })
        {
            await WithStore<IImprovementProjectStore>(OrganisationA, s => s.AddAsync(project, Ct));
        }

        await WithStore<IImprovementProjectStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        var all = await WithStore<IImprovementProjectStore, IReadOnlyList<ImprovementProject>>(OrganisationA, s => s.ListAsync(null, Ct));
        var active = await WithStore<IImprovementProjectStore, IReadOnlyList<ImprovementProject>>(OrganisationA, s => s.ListAsync(ProjectStatus.Active, Ct));
        var closedOnes = await WithStore<IImprovementProjectStore, IReadOnlyList<ImprovementProject>>(OrganisationA, s => s.ListAsync(ProjectStatus.Closed, Ct));
        var forB = await WithStore<IImprovementProjectStore, IReadOnlyList<ImprovementProject>>(OrganisationB, s => s.ListAsync(null, Ct));

        all.Select(p => p.Id).Should().Equal(closed.Id, discharge.Id, wards.Id);
        active.Select(p => p.Id).Should().Equal(discharge.Id, wards.Id);
        closedOnes.Select(p => p.Id).Should().Equal(closed.Id);
        forB.Select(p => p.Id).Should().Equal(theirs.Id);
    }

    [Fact]
    public async Task ListForParticipantAsync_TeamMemberAndSomeoneWhoTookPart_ReturnsTheirProjectsOfTheOrganisationByTitle()
    {
        var partner = ParticipantId.New();
        var guest = ParticipantId.New();
        var wards = NewProject(OrganisationA, FrameworkA, "Ward rounds", partner, ParticipantId.New());
        var discharge = NewProject(OrganisationA, FrameworkA, "Discharge lounge", ParticipantId.New(), guest);
        var unrelated = NewProjectA("Appointment letters");
        var theirs = NewProject(OrganisationB, FrameworkB, "Another trust's project", partner, guest);
        foreach (var project in new[] { wards, discharge, unrelated })
        {
            await WithStore<IImprovementProjectStore>(OrganisationA, s => s.AddAsync(project, Ct));
        }

        await WithStore<IImprovementProjectStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        var forPartner = await WithStore<IImprovementProjectStore, IReadOnlyList<ImprovementProject>>(OrganisationA, s => s.ListForParticipantAsync(partner, Ct));
        var forGuest = await WithStore<IImprovementProjectStore, IReadOnlyList<ImprovementProject>>(OrganisationA, s => s.ListForParticipantAsync(guest, Ct));
        var forStranger = await WithStore<IImprovementProjectStore, IReadOnlyList<ImprovementProject>>(OrganisationA, s => s.ListForParticipantAsync(ParticipantId.New(), Ct));
        var forPartnerInB = await WithStore<IImprovementProjectStore, IReadOnlyList<ImprovementProject>>(OrganisationB, s => s.ListForParticipantAsync(partner, Ct));

        forPartner.Select(p => p.Id).Should().Equal(wards.Id);
        forGuest.Select(p => p.Id).Should().Equal(discharge.Id);
        forStranger.Should().BeEmpty();
        forPartnerInB.Select(p => p.Id).Should().Equal(theirs.Id);
    }

    [Fact]
    public async Task FindAsync_AnotherOrganisationsProject_ReturnsNull()
    {
        var project = NewProjectA();
        await WithStore<IImprovementProjectStore>(OrganisationA, s => s.AddAsync(project, Ct));

        var found = await WithStore<IImprovementProjectStore, ImprovementProject?>(OrganisationB, async s => await s.FindAsync(project.Id, Ct));

        found.Should().BeNull();
    }
}

/// <summary>What every <see cref="IAssessmentStore"/> must do: round trips of assessments with assessors and ratings, completion, stale updates, isolation and its queries.</summary>
public abstract class AssessmentStoreSpecification : StoreSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Gets a published framework (TLAP ladder, UK Standards, Model for Improvement) of <see cref="StoreSpecification.OrganisationA"/>.</summary>
    protected InvolvementFramework FrameworkA { get; }

    /// <summary>Gets a published framework of <see cref="StoreSpecification.OrganisationB"/>.</summary>
    protected InvolvementFramework FrameworkB { get; }

    /// <summary>Initialises the specification with a published framework for each organisation.</summary>
    protected AssessmentStoreSpecification()
    {
        FrameworkA = InvolvementSpecificationData.Published(OrganisationA, Clock);
        FrameworkB = InvolvementSpecificationData.Published(OrganisationB, Clock);
    }

    /// <summary>
    /// Opens an assessment with three assessors (staff, patient partner, carer) and five ratings on the 0-3 scale,
    /// three with comments; the staff member's first rating of one indicator is replaced by a second.
    /// </summary>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="framework">Its published framework.</param>
    /// <param name="projectId">The project assessed, or <see langword="null"/>.</param>
    /// <param name="carer">The carer assessor.</param>
    /// <returns>The assessment, not yet stored.</returns>
    protected Assessment NewAssessment(OrganisationId organisationId, InvolvementFramework framework, ImprovementProjectId? projectId, ParticipantId carer)
    {
        var staff = ParticipantId.New();
        var partner = ParticipantId.New();
        var assessment = Assessment.Open(organisationId, framework, "Discharge project, spring review", projectId, Clock);
        assessment.DeclareAssessor(staff, AssessorPerspective.Staff, Clock);
        assessment.DeclareAssessor(partner, AssessorPerspective.PatientPartner, Clock);
        assessment.DeclareAssessor(carer, AssessorPerspective.Carer, Clock);
        assessment.Rate(framework, staff, "ukspi-co-feedback", 2, null, Clock);
        assessment.Rate(framework, partner, "ukspi-co-feedback", 1, "We heard back once, months later.", Clock);
        assessment.Rate(framework, carer, "ukspi-co-feedback", 0, "Nobody told us what happened.", Clock);
        assessment.Rate(framework, staff, "ukspi-gv-decisions", 2, null, Clock);
        assessment.Rate(framework, partner, "ukspi-gv-decisions", 1, null, Clock);
        assessment.Rate(framework, staff, "ukspi-co-feedback", 3, "After the newsletter went out.", Clock);
        return assessment;
    }

    [Fact]
    public async Task AddAsync_AssessmentWithAssessorsAndRatings_IsFoundWithEveryPartInOrder()
    {
        var projectId = ImprovementProjectId.New();
        var assessment = NewAssessment(OrganisationA, FrameworkA, projectId, ParticipantId.New());

        await WithStore<IAssessmentStore>(OrganisationA, s => s.AddAsync(assessment, Ct));
        var found = (await WithStore<IAssessmentStore, Assessment?>(OrganisationA, async s => await s.FindAsync(assessment.Id, Ct)))!;

        found.Version.Should().Be(1);
        found.Should().BeEquivalentTo(assessment, o => InvolvementSpecificationData.SameState(o));
        found.ProjectId.Should().Be(projectId);
        found.Assessors.Select(a => a.Perspective).Should().Equal(AssessorPerspective.Staff, AssessorPerspective.PatientPartner, AssessorPerspective.Carer);

        // Six ratings made, the staff member's first rating of "ukspi-co-feedback" replaced by the last: five, the replacement last.
        found.Ratings.Should().HaveCount(5);
        found.Ratings[^1].Should().BeEquivalentTo(new { IndicatorId = "ukspi-co-feedback", Value = 3, Comment = "After the newsletter went out." });
        found.Ratings.Count(r => r.Comment is null).Should().Be(2);
        found.Status.Should().Be(AssessmentStatus.Open);
    }

    [Fact]
    public async Task UpdateAsync_Completed_IsFoundCompletedAtVersion2()
    {
        var assessment = NewAssessment(OrganisationA, FrameworkA, null, ParticipantId.New());
        await WithStore<IAssessmentStore>(OrganisationA, s => s.AddAsync(assessment, Ct));

        Clock.Advance(TimeSpan.FromDays(14));
        assessment.Rate(FrameworkA, assessment.Assessors[2].ParticipantId, "ukspi-gv-decisions", 1, "Invited to one board meeting.", Clock);
        assessment.Complete(Clock);
        await WithStore<IAssessmentStore>(OrganisationA, s => s.UpdateAsync(assessment, Ct));
        var found = (await WithStore<IAssessmentStore, Assessment?>(OrganisationA, async s => await s.FindAsync(assessment.Id, Ct)))!;

        found.Version.Should().Be(2);
        found.Should().BeEquivalentTo(assessment, o => InvolvementSpecificationData.SameState(o, includeVersion: true));
        found.ProjectId.Should().BeNull();
        found.Ratings.Should().HaveCount(6);
        found.Status.Should().Be(AssessmentStatus.Completed);
        found.CompletedAt.Should().Be(Clock.GetUtcNow());
    }

    [Fact]
    public async Task UpdateAsync_StaleAssessment_ThrowsConcurrencyConflictAndKeepsTheFirstChange()
    {
        var assessment = NewAssessment(OrganisationA, FrameworkA, null, ParticipantId.New());
        await WithStore<IAssessmentStore>(OrganisationA, s => s.AddAsync(assessment, Ct));
        var completing = (await WithStore<IAssessmentStore, Assessment?>(OrganisationA, async s => await s.FindAsync(assessment.Id, Ct)))!;
        var rating = (await WithStore<IAssessmentStore, Assessment?>(OrganisationA, async s => await s.FindAsync(assessment.Id, Ct)))!;
        completing.Complete(Clock);
        rating.Rate(FrameworkA, rating.Assessors[0].ParticipantId, "ukspi-io-reach", 2, null, Clock);
        await WithStore<IAssessmentStore>(OrganisationA, s => s.UpdateAsync(completing, Ct));

        var stale = () => WithStore<IAssessmentStore>(OrganisationA, s => s.UpdateAsync(rating, Ct));

        await stale.Should().ThrowAsync<ConcurrencyConflictException>();
        var found = (await WithStore<IAssessmentStore, Assessment?>(OrganisationA, async s => await s.FindAsync(assessment.Id, Ct)))!;
        found.Status.Should().Be(AssessmentStatus.Completed);
        found.Ratings.Should().HaveCount(5);
        found.Should().BeEquivalentTo(completing, o => InvolvementSpecificationData.SameState(o, includeVersion: true));
    }

    [Fact]
    public async Task ListForProjectAsync_SeveralProjectsAndOrganisations_ReturnsTheProjectsAssessmentsOldestFirst()
    {
        var project = ImprovementProjectId.New();
        var earlier = NewAssessment(OrganisationA, FrameworkA, project, ParticipantId.New());
        Clock.Advance(TimeSpan.FromDays(30));
        var later = NewAssessment(OrganisationA, FrameworkA, project, ParticipantId.New());
        var otherProject = NewAssessment(OrganisationA, FrameworkA, ImprovementProjectId.New(), ParticipantId.New());
        var organisationWide = NewAssessment(OrganisationA, FrameworkA, null, ParticipantId.New());
        var theirs = NewAssessment(OrganisationB, FrameworkB, project, ParticipantId.New());
        foreach (var assessment in new[] { later, otherProject, earlier, organisationWide })
        {
            await WithStore<IAssessmentStore>(OrganisationA, s => s.AddAsync(assessment, Ct));
        }

        await WithStore<IAssessmentStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        var listed = await WithStore<IAssessmentStore, IReadOnlyList<Assessment>>(OrganisationA, s => s.ListForProjectAsync(project, Ct));
        var listedForB = await WithStore<IAssessmentStore, IReadOnlyList<Assessment>>(OrganisationB, s => s.ListForProjectAsync(project, Ct));

        listed.Select(a => a.Id).Should().Equal(earlier.Id, later.Id);
        listedForB.Select(a => a.Id).Should().Equal(theirs.Id);
    }

    [Fact]
    public async Task ListForAssessorAsync_SeveralAssessments_ReturnsThoseTheParticipantAssessedOldestFirst()
    {
        var carer = ParticipantId.New();
        var earlier = NewAssessment(OrganisationA, FrameworkA, ImprovementProjectId.New(), carer);
        Clock.Advance(TimeSpan.FromDays(30));
        var later = NewAssessment(OrganisationA, FrameworkA, null, carer);
        var someoneElses = NewAssessment(OrganisationA, FrameworkA, null, ParticipantId.New());
        var theirs = NewAssessment(OrganisationB, FrameworkB, null, carer);
        foreach (var assessment in new[] { later, someoneElses, earlier })
        {
            await WithStore<IAssessmentStore>(OrganisationA, s => s.AddAsync(assessment, Ct));
        }

        await WithStore<IAssessmentStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        var listed = await WithStore<IAssessmentStore, IReadOnlyList<Assessment>>(OrganisationA, s => s.ListForAssessorAsync(carer, Ct));
        var listedForStranger = await WithStore<IAssessmentStore, IReadOnlyList<Assessment>>(OrganisationA, s => s.ListForAssessorAsync(ParticipantId.New(), Ct));

        listed.Select(a => a.Id).Should().Equal(earlier.Id, later.Id);
        listedForStranger.Should().BeEmpty();
    }

    [Fact]
    public async Task FindAsync_AnotherOrganisationsAssessment_ReturnsNull()
    {
        var assessment = NewAssessment(OrganisationA, FrameworkA, null, ParticipantId.New());
        await WithStore<IAssessmentStore>(OrganisationA, s => s.AddAsync(assessment, Ct));

        var found = await WithStore<IAssessmentStore, Assessment?>(OrganisationB, async s => await s.FindAsync(assessment.Id, Ct));

        found.Should().BeNull();
    }
}
