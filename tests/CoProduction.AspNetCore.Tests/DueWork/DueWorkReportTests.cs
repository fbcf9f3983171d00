using CoProduction.Involvement.Projects;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.AspNetCore.Tests.DueWork;

public sealed class DueWorkReportTests
{
    [Fact]
    public void Reminders_OwnerWithoutContactConsent_OffersNoRecipient()
    {
        var consenting = ParticipantId.New();
        var withdrawn = ParticipantId.New();
        var mayContact = Overdue(consenting, mayBeContacted: true);
        var mayNot = Overdue(withdrawn, mayBeContacted: false);
        var report = new DueWorkReport(OrganisationId.New(), DateTimeOffset.UnixEpoch, [], [mayContact, mayNot], []);

        report.Reminders.Should().Equal(new FollowUpReminder(mayContact, consenting), new FollowUpReminder(mayNot, null));
        report.Reminders.Select(r => r.Recipient).Should().NotContain(withdrawn, "a person whose consent to be contacted is not in force is never offered as a reminder's recipient");
    }

    private static OverdueFollowUp Overdue(ParticipantId owner, bool mayBeContacted) =>
        new(ReviewSubmissionId.New(), ImprovementProjectId.New(), 1, new PlannedAction(PlannedActionId.New(), RecommendationId.New(), "Rewrite the discharge letter with patients", owner, new DateOnly(2026, 3, 1)), null, 10)
        {
            OwnerMayBeContacted = mayBeContacted,
        };
}
