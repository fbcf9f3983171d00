using CoProduction.Core.Tests.TestSupport;
using CoProduction.Partners;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.Partners;

/// <summary>A test host with in-memory stores, the Partners services of one scope (Trust A), and made-up people.</summary>
internal sealed class PartnerWorld : IAsyncDisposable
{
    public static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Today in the test host (1 April 2025).</summary>
    public static readonly DateOnly Today = DateOnly.FromDateTime(TestHost.Start.UtcDateTime);

    private readonly AsyncServiceScope _scope;

    private PartnerWorld(TestHost host)
    {
        Host = host;
        _scope = host.Scope();
    }

    public TestHost Host { get; }

    public IServiceProvider Services => _scope.ServiceProvider;

    public RecruitmentService Recruitment => Services.GetRequiredService<RecruitmentService>();

    public PartnerService Partners => Services.GetRequiredService<PartnerService>();

    public PartnerDueWorkService DueWork => Services.GetRequiredService<PartnerDueWorkService>();

    public RoomAdjustmentsService Adjustments => Services.GetRequiredService<RoomAdjustmentsService>();

    public ParticipantService People => Services.GetRequiredService<ParticipantService>();

    public PaymentService Payments => Services.GetRequiredService<PaymentService>();

    public static PartnerWorld Create(Action<CoProductionOptions>? configure = null) => new(TestHost.CreatePaying(configure));

    /// <summary>The checklist of a role with every kind of check: DBS valid 36 months, safeguarding training valid 12 months.</summary>
    public static IReadOnlyList<CheckRequirement> FullChecklist { get; } =
    [
        new(OnboardingCheckKind.InvolvementAgreement),
        new(OnboardingCheckKind.Induction),
        new(OnboardingCheckKind.DbsCheck, validForMonths: 36),
        new(OnboardingCheckKind.References),
        new(OnboardingCheckKind.Training, "Safeguarding adults level 1", 12),
    ];

    public static RoleDescription Role(string title = "Patient partner, stroke pathway group") =>
        new(title, "Brings the patient view to the stroke pathway improvement group", "Two hours a month for 18 months", "Trust involvement payment policy, Lead rate", "Education centre, level 2", true, "Step-free access; hearing loop; papers in large print on request");

    public async Task<ParticipantId> RegisterAsync(string name, ParticipantRole role) => (await People.RegisterAsync(name, [role], None)).Id;

    /// <summary>Registers a member of staff and makes them the actor of this scope (the participation team).</summary>
    public async Task<ParticipantId> ActAsStaffAsync(string name = "Participation lead P")
    {
        var staff = await RegisterAsync(name, ParticipantRole.Staff);
        ActAs(staff);
        return staff;
    }

    public void ActAs(ParticipantId participantId) => Services.GetRequiredService<ActorContext>().SetCurrent(Actor.ForParticipant(participantId));

    public void SetToday(DateOnly date) => Host.Clock.SetUtcNow(new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

    /// <summary>Publishes a role with the full checklist, a fixed term of 18 months, closing on 30 April 2025.</summary>
    public async Task<Opportunity> PublishedRoleAsync(IReadOnlyList<CheckRequirement>? checks = null, int? fixedTermMonths = 18)
    {
        var draft = await Recruitment.DraftAsync(Role(), new DateOnly(2025, 4, 30), checks ?? FullChecklist, fixedTermMonths, ["stroke", "carer"], Availability.WeekdayMornings | Availability.WeekdayAfternoons, None);
        return await Recruitment.PublishAsync(draft.Id, None);
    }

    /// <summary>Takes a person through interest, selection (told by email) and every check of the full checklist, completed on <paramref name="on"/>.</summary>
    public async Task<RoleAppointment> AppointedAsync(Opportunity opportunity, ParticipantId person, ParticipantId decider, DateOnly on)
    {
        var interest = await Recruitment.ExpressInterestAsync(opportunity.Id, person, "I had a stroke in 2019 and my husband is my carer", Availability.WeekdayMornings | Availability.WeekdayAfternoons, null, None);
        ActAs(decider);
        await Recruitment.DecideAsync(opportunity.Id, interest.Id, SelectionOutcome.Selected, "Brings recent experience of stroke rehabilitation", None);
        await Recruitment.RecordToldAsync(opportunity.Id, interest.Id, Today, ContactMethod.Email, None);
        await CompleteChecksAsync(person, on);
        return await Partners.AppointAsync(opportunity.Id, person, on, None);
    }

    public async Task CompleteChecksAsync(ParticipantId person, DateOnly on)
    {
        await Partners.RecordCheckAsync(person, OnboardingCheckKind.InvolvementAgreement, null, on, null, None);
        await Partners.RecordCheckAsync(person, OnboardingCheckKind.Induction, null, on, null, None);
        await Partners.RecordCheckAsync(person, OnboardingCheckKind.DbsCheck, null, on, on.AddMonths(36), None);
        await Partners.RecordCheckAsync(person, OnboardingCheckKind.References, null, on, null, None);
        await Partners.RecordCheckAsync(person, OnboardingCheckKind.Training, "Safeguarding adults level 1", on, on.AddMonths(12), None);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await Host.DisposeAsync();
    }
}
