using CoProduction.Partners;
using CoProduction.Payments;
using CoProduction.PeerReview;
using CoProduction.Primitives;
using CoProduction.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoProduction.AspNetCore;

/// <summary>
/// The due work found for one organisation in one run: submissions whose follow-up fell due (each moved to Follow-up
/// due, which raises its domain event through the outbox), actions past their due date, payment claims outstanding
/// beyond the payment target, and the partner work falling due (<see cref="PartnerWork"/>).
/// </summary>
/// <param name="OrganisationId">The organisation.</param>
/// <param name="RunAt">When the run happened.</param>
/// <param name="FollowUpsFallenDue">Submissions moved to Follow-up due by this run.</param>
/// <param name="OverdueFollowUps">
/// Actions whose due date has passed without being implemented, most overdue first. To send reminders, use
/// <see cref="Reminders"/>: it names an action's owner only when they may be contacted.
/// </param>
/// <param name="OverdueClaims">Outstanding claims past the payment target, longest waiting first.</param>
public sealed record DueWorkReport(
    OrganisationId OrganisationId,
    DateTimeOffset RunAt,
    IReadOnlyList<ReviewSubmissionId> FollowUpsFallenDue,
    IReadOnlyList<OverdueFollowUp> OverdueFollowUps,
    IReadOnlyList<ClaimAgeing> OverdueClaims)
{
    /// <summary>
    /// Gets the partner work outstanding from a year back to <see cref="DueWorkOptions.PartnerWorkLookAheadDays"/> ahead
    /// (DBS and training renewals, support-plan reviews, fixed-term role reviews, debriefs not yet held), by due date,
    /// each with the person's preferred contact method only when they consent to contact
    /// (<see cref="DueWorkItem.ContactVia"/>). Claims and follow-ups are in <see cref="OverdueClaims"/> and
    /// <see cref="OverdueFollowUps"/>.
    /// </summary>
    public IReadOnlyList<DueWorkItem> PartnerWork { get; init; } = [];

    /// <summary>Gets how many of <see cref="PartnerWork"/> were announced by this run (one <c>PartnerWorkFellDue</c> event each, never twice for the same item and date).</summary>
    public int PartnerWorkAnnounced { get; init; }

    /// <summary>Gets whether the run found anything to act on.</summary>
    public bool IsEmpty => FollowUpsFallenDue.Count == 0 && OverdueFollowUps.Count == 0 && OverdueClaims.Count == 0 && PartnerWork.Count == 0;

    /// <summary>
    /// Gets a reminder for each overdue action, in the order of <see cref="OverdueFollowUps"/>. A reminder offers the
    /// action's owner as its recipient only when their consent to be contacted was in force
    /// (<see cref="OverdueFollowUp.OwnerMayBeContacted"/>); otherwise it has no recipient, and the reminder goes to the
    /// project team through another route.
    /// </summary>
    public IReadOnlyList<FollowUpReminder> Reminders =>
        [.. OverdueFollowUps.Select(f => new FollowUpReminder(f, f.OwnerMayBeContacted ? f.Action.OwnerId : null))];
}

/// <summary>A reminder that an action is overdue, and to whom it may be sent.</summary>
/// <param name="FollowUp">The overdue action.</param>
/// <param name="Recipient">
/// The action's owner when they may be contacted; <see langword="null"/> when their consent to be contacted is not in
/// force, so the reminder must not go to them (send it to the project team through another route).
/// </param>
public sealed record FollowUpReminder(OverdueFollowUp FollowUp, People.ParticipantId? Recipient);

/// <summary>
/// Receives each organisation's <see cref="DueWorkReport"/> after a due-work run (to send reminders, fill a work
/// queue...). Register implementations as scoped services; the scope's organisation is the report's.
/// </summary>
public interface IDueWorkHandler
{
    /// <summary>Handles one organisation's due work.</summary>
    /// <param name="report">What is due.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when handled.</returns>
    Task HandleAsync(DueWorkReport report, CancellationToken cancellationToken);
}

/// <summary>Runs due work for every organisation, with the library's own services and queries.</summary>
internal sealed partial class DueWorkRunner(
    IServiceScopeFactory scopes,
    IOutboxDispatchStore outbox,
    CoProductionInstruments instruments,
    IOptionsMonitor<CoProductionAspNetCoreOptions> options,
    TimeProvider clock,
    ILogger<DueWorkRunner> logger)
{
    /// <summary>The actor of the changes due work makes (follow-ups marked due, for example).</summary>
    internal static readonly Actor ProcessActor = Actor.ForSystemProcess("coproduction-due-work");

    /// <summary>Runs once for every organisation that has stored anything.</summary>
    internal async Task<IReadOnlyList<DueWorkReport>> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var activity = CoProductionTelemetry.Source.StartActivity("due-work");
        var reports = new List<DueWorkReport>();
        foreach (var organisationId in await outbox.ListOrganisationsAsync(cancellationToken).ConfigureAwait(false))
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var services = scope.ServiceProvider;
                services.GetRequiredService<OrganisationContext>().SetCurrent(organisationId);
                services.GetRequiredService<ActorContext>().SetCurrent(ProcessActor);
                var submissions = services.GetRequiredService<ReviewSubmissionService>();
                var fallenDue = await submissions.MarkDueFollowUpsAsync(cancellationToken).ConfigureAwait(false);
                var overdueFollowUps = await submissions.ListOverdueFollowUpsAsync(cancellationToken).ConfigureAwait(false);
                var overdueClaims = (await services.GetRequiredService<PaymentService>().GetOutstandingClaimsAsync(cancellationToken).ConfigureAwait(false))
                    .Where(c => c.IsOverdue)
                    .ToList();
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var (from, to) = (today.AddYears(-1), today.AddDays(options.CurrentValue.DueWork.PartnerWorkLookAheadDays));
                var partnerDueWork = services.GetRequiredService<PartnerDueWorkService>();
                var announced = await partnerDueWork.AnnounceAsync(from, to, cancellationToken).ConfigureAwait(false);
                var partnerWork = (await partnerDueWork.ListAsync(from, to, cancellationToken).ConfigureAwait(false))
                    .Where(i => i.Kind is not (DueWorkKind.ClaimOverdue or DueWorkKind.FollowUpOverdue))
                    .ToList();
                var report = new DueWorkReport(organisationId, clock.GetUtcNow(), fallenDue, overdueFollowUps, overdueClaims) { PartnerWork = partnerWork, PartnerWorkAnnounced = announced };
                reports.Add(report);
                instruments.DueWorkItems.Add(fallenDue.Count, new KeyValuePair<string, object?>("coproduction.due_work.kind", "follow-up-fallen-due"));
                instruments.DueWorkItems.Add(overdueFollowUps.Count, new KeyValuePair<string, object?>("coproduction.due_work.kind", "overdue-follow-up"));
                instruments.DueWorkItems.Add(overdueClaims.Count, new KeyValuePair<string, object?>("coproduction.due_work.kind", "overdue-claim"));
                instruments.DueWorkItems.Add(partnerWork.Count, new KeyValuePair<string, object?>("coproduction.due_work.kind", "partner-work"));
                if (!report.IsEmpty)
                {
                    LogDueWork(organisationId.Value, fallenDue.Count, overdueFollowUps.Count, overdueClaims.Count, partnerWork.Count, announced);
                }

                foreach (var handler in services.GetServices<IDueWorkHandler>())
                {
                    await handler.HandleAsync(report, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        activity?.SetTag("coproduction.organisations", reports.Count);
        return reports;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Due work for organisation {OrganisationId}: {FollowUpsFallenDue} follow-up(s) fell due, {OverdueFollowUps} action(s) overdue, {OverdueClaims} claim(s) past the payment target, {PartnerWork} partner item(s) due ({PartnerWorkAnnounced} announced now)")]
    private partial void LogDueWork(Guid organisationId, int followUpsFallenDue, int overdueFollowUps, int overdueClaims, int partnerWork, int partnerWorkAnnounced);
}

/// <summary>Runs the <see cref="DueWorkRunner"/> soon after start, then every <see cref="DueWorkOptions.Interval"/>.</summary>
internal sealed partial class DueWorkService(DueWorkRunner runner, IOptionsMonitor<CoProductionAspNetCoreOptions> options, TimeProvider clock, ILogger<DueWorkService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.CurrentValue.DueWork;
        if (!settings.Enabled)
        {
            return;
        }

        await Task.Delay(settings.FirstRunDelay, clock, stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(settings.Interval, clock);
        do
        {
            try
            {
                await runner.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Due work failed; it runs again at its next interval")]
    private partial void LogRunFailed(Exception exception);
}
