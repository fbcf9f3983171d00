using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Core.Tests.Programmes;

/// <summary>Shared, made-up data for the programme tests: a clock, an organisation, a curriculum and people.</summary>
internal sealed class ProgrammeTestData
{
    public static readonly DateOnly CohortStart = new(2025, 3, 1);
    public static readonly DateOnly CohortEnd = new(2025, 6, 30);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));

    public OrganisationId OrganisationId { get; } = OrganisationId.New();

    public ParticipantId PatientTrainerA { get; } = ParticipantId.New();

    public ParticipantId PatientTrainerB { get; } = ParticipantId.New();

    public ParticipantId StaffFacilitator { get; } = ParticipantId.New();

    public static IReadOnlyList<CurriculumModule> ModulesV1 { get; } =
    [
        new("M1", "What co-production is", ["Explain what co-production means"], TimeSpan.FromHours(3), DeliveryMode.InPerson),
        new("M2", "Planning improvement together", ["Write an improvement aim with patient partners"], TimeSpan.FromHours(3), DeliveryMode.Hybrid),
        new("M3", "Showcase", ["Present what changed and who shaped it"], TimeSpan.FromHours(2), DeliveryMode.InPerson),
    ];

    /// <summary>Gets the programme most recently made by <see cref="NewProgramme"/>.</summary>
    public Programme Programme { get; private set; } = null!;

    public Programme NewProgramme(DeliveryRules? rules = null)
    {
        var programme = Programme.Create(OrganisationId, "Co-Production for Improvement", "Teams learn to improve services with patients", Clock);
        programme.PublishVersion(
            "First version, shaped by the working group",
            ModulesV1,
            [
                new CoDesignContribution(PatientTrainerA, CoDesignPerspective.LivedExperience, "Wrote the module on power and jargon"),
                new CoDesignContribution(StaffFacilitator, CoDesignPerspective.Staff, "Structured the days"),
            ],
            Clock);
        if (rules is not null)
        {
            programme.ChangeDeliveryRules(rules, Clock);
        }

        Programme = programme;
        return programme;
    }

    public Cohort NewCohort(DeliveryRules? rules = null, Programme? programme = null)
    {
        programme ??= NewProgramme(rules);
        return Cohort.Plan(programme, 1, "Cohort 1", CohortStart, CohortEnd, Clock);
    }

    public IReadOnlyList<SessionFacilitator> PatientLed() =>
    [
        new(PatientTrainerA, FacilitatorRole.Lead, true),
        new(StaffFacilitator, FacilitatorRole.CoFacilitator, false),
    ];

    public static DateTimeOffset At(int month, int day, int hour = 10) => new(2025, month, day, hour, 0, 0, TimeSpan.Zero);

    public static TeamEnrolment Team(string name, params TeamMember[] members) => new(name, "Co-design the discharge letter with patients", members);

    public static TeamMember Patient() => new(ParticipantId.New(), true);

    public static TeamMember Staff() => new(ParticipantId.New(), false);

    /// <summary>A cohort in Recruiting with <paramref name="teams"/> teams of one patient and one member of staff.</summary>
    public Cohort RecruitingCohort(int teams = 2, DeliveryRules? rules = null)
    {
        var cohort = NewCohort(rules);
        cohort.OpenRecruitment(Clock);
        for (var i = 0; i < teams; i++)
        {
            cohort.EnrolTeam(Team($"Team {i + 1}", Patient(), Staff()), Clock);
        }

        return cohort;
    }

    /// <summary>A Running cohort with two teams and one scheduled session on 3 March 2025.</summary>
    public (Cohort Cohort, CohortSessionId SessionId) RunningCohort(DeliveryRules? rules = null)
    {
        var programme = NewProgramme(rules);
        var cohort = Cohort.Plan(programme, 1, "Cohort 1", CohortStart, CohortEnd, Clock);
        var sessionId = cohort.ScheduleSession(programme, "M1", At(3, 3), null, PatientLed(), Clock);
        cohort.OpenRecruitment(Clock);
        cohort.EnrolTeam(Team("Team 1", Patient(), Staff()), Clock);
        cohort.EnrolTeam(Team("Team 2", Patient(), Staff()), Clock);
        cohort.Start(Clock);
        return (cohort, sessionId);
    }

    /// <summary>Moves the clock to a moment.</summary>
    public void SetNow(DateTimeOffset now) => Clock.SetUtcNow(now);

    /// <summary>A cohort in the given status.</summary>
    public Cohort CohortIn(CohortStatus status)
    {
        switch (status)
        {
            case CohortStatus.Planned:
                return NewCohort();
            case CohortStatus.Recruiting:
                return RecruitingCohort();
            case CohortStatus.Cancelled:
                var cancelled = NewCohort();
                cancelled.Cancel("Not enough interest", Clock);
                return cancelled;
            default:
                var (cohort, sessionId) = RunningCohort();
                if (status == CohortStatus.Completed)
                {
                    SetNow(At(3, 3, 14));
                    cohort.MarkSessionDelivered(sessionId, Clock);
                    cohort.Complete(Clock);
                }

                return cohort;
        }
    }
}
