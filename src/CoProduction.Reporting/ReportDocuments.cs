using System.Globalization;
using CoProduction.Involvement.Reporting;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Programmes.Evaluation;

namespace CoProduction.Reporting;

/// <summary>
/// The library's reports as documents, to write with <see cref="HtmlReportWriter"/>, <see cref="XlsxReportWriter"/> or
/// <see cref="CsvReportWriter"/>: the same content as each report's Markdown, with numbers as numbers.
/// </summary>
/// <remarks>What a report may show is decided when it is built (a GRIPP2 report for publication names nobody and quotes only those who consented); these methods add nothing to it.</remarks>
public static class ReportDocuments
{
    /// <summary>A GRIPP2 short form: a section per item, its summary and its points.</summary>
    /// <param name="report">The report, as built for its audience.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static ReportDocument FromGripp2(Gripp2Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = new ReportDocument($"GRIPP2 short form: {report.ProjectTitle}");
        document.AddSection("About this report").AddParagraph($"Prepared on {report.PreparedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.");
        foreach (var item in report.Items)
        {
            var section = document.AddSection($"{item.Number}. {item.Heading}").AddParagraph(item.Summary);
            foreach (var point in item.Points)
            {
                section.AddParagraph(point);
            }
        }

        return document;
    }

    /// <summary>A programme report: the headline and counts, a table of cohorts and a table of before-and-after changes.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static ReportDocument FromProgrammeReport(ProgrammeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = new ReportDocument($"{report.ProgrammeName}: programme report");
        document.AddSection("Summary")
            .AddParagraph(report.Headline + ".")
            .AddParagraph($"Teams completed: {report.TeamsCompleted} of {report.Teams}; people completed: {report.ParticipantsCompleted} of {report.Participants}; sessions delivered: {report.SessionsDelivered}, of which {report.SessionsLedByPatientTrainers} led by a patient trainer.");
        var cohorts = document.AddSection("Cohorts").AddTable(
            "Cohorts",
            new ReportColumn("Cohort"),
            new ReportColumn("Curriculum version", ReportColumnKind.Number),
            new ReportColumn("Starts", ReportColumnKind.Date),
            new ReportColumn("Ends", ReportColumnKind.Date),
            new ReportColumn("Status"),
            new ReportColumn("Teams", ReportColumnKind.Number),
            new ReportColumn("Teams completed", ReportColumnKind.Number),
            new ReportColumn("People", ReportColumnKind.Number),
            new ReportColumn("People completed", ReportColumnKind.Number),
            new ReportColumn("Attendance", ReportColumnKind.Percent),
            new ReportColumn("Sessions", ReportColumnKind.Number),
            new ReportColumn("Led by a patient trainer", ReportColumnKind.Number));
        foreach (var c in report.Cohorts)
        {
            cohorts.AddRow(c.Name, c.CurriculumVersionNumber, c.StartDate, c.EndDate, c.Status.ToString(), c.Teams, c.TeamsCompleted, c.Participants, c.ParticipantsCompleted, c.AttendanceRate, c.SessionsDelivered, c.SessionsLedByPatientTrainers);
        }

        if (report.ItemChanges.Count > 0)
        {
            var changes = document.AddSection($"Before and after (scale {report.ScaleMinimum} to {report.ScaleMaximum}; Wilcoxon signed-rank test, two-sided)").AddTable(
                "Before and after",
                new ReportColumn("Statement"),
                new ReportColumn("Pairs", ReportColumnKind.Number),
                new ReportColumn("Mean before", ReportColumnKind.Number, 2),
                new ReportColumn("Mean after", ReportColumnKind.Number, 2),
                new ReportColumn("Higher", ReportColumnKind.Number),
                new ReportColumn("Same", ReportColumnKind.Number),
                new ReportColumn("Lower", ReportColumnKind.Number),
                new ReportColumn("p", ReportColumnKind.Number, 4),
                new ReportColumn("Effect size r", ReportColumnKind.Number, 2));
            foreach (var change in report.ItemChanges)
            {
                changes.AddRow(change.Statement, change.Pairs, change.MeanBefore, change.MeanAfter, change.Improved, change.Unchanged, change.Worsened, change.Test?.PValue, change.Test?.EffectSizeR);
            }
        }

        return document;
    }

    /// <summary>
    /// A panel evaluation: its figures as a table; for <see cref="ReportAudience.Internal"/> also each member's workload
    /// by id, which a published report leaves out (it would identify members).
    /// </summary>
    /// <param name="evaluation">The evaluation.</param>
    /// <param name="audience">Whom the report is for.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluation"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="audience"/> is not a defined audience.</exception>
    public static ReportDocument FromPanelEvaluation(PanelEvaluation evaluation, ReportAudience audience)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (!Enum.IsDefined(audience))
        {
            throw new ArgumentOutOfRangeException(nameof(audience), audience, "Choose ReportAudience.Publication or ReportAudience.Internal.");
        }

        var document = new ReportDocument("Peer review panel evaluation");
        var period = $"{(evaluation.From is { } from ? from.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "the start")} to {(evaluation.To is { } to ? to.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "today")}";
        var figures = document.AddSection($"The panel's work, {period}").AddTable("Figures", new ReportColumn("Measure"), new ReportColumn("Value", ReportColumnKind.Number, 1));
        figures.AddRow("Rounds with feedback", evaluation.RoundsWithFeedback)
            .AddRow("Days from submission to feedback (median)", evaluation.MedianDaysToFeedback)
            .AddRow("Recommendations", evaluation.Recommendations)
            .AddRow("Accepted", evaluation.Accepted)
            .AddRow("Adapted", evaluation.Adapted)
            .AddRow("Declined", evaluation.Declined)
            .AddRow("Implemented", evaluation.Implemented)
            .AddRow("Project leads' experience (mean of 5)", evaluation.MeanLeadExperience)
            .AddRow("Meetings", evaluation.MeetingsHeld)
            .AddRow("Quorate meetings", evaluation.QuorateMeetings)
            .AddRow("Reviews per patient member (mean)", evaluation.MeanReviewsPerMember);
        var workload = document.AddSection("Workload of patient members");
        if (audience == ReportAudience.Internal)
        {
            var table = workload.AddTable(
                "Workload by member (internal: not for publication)",
                new ReportColumn("Member id"),
                new ReportColumn("Reviews", ReportColumnKind.Number),
                new ReportColumn("Leads", ReportColumnKind.Number),
                new ReportColumn("Meetings served", ReportColumnKind.Number),
                new ReportColumn("Meetings attended", ReportColumnKind.Number));
            foreach (var member in evaluation.Workload)
            {
                table.AddRow(member.MemberId.ToString(), member.ReviewsWritten, member.LeadReviews, member.MeetingsServed, member.MeetingsAttended);
            }
        }
        else
        {
            workload.AddParagraph($"{evaluation.Workload.Count} members wrote from {evaluation.MinimumReviewsPerMember} to {evaluation.MaximumReviewsPerMember} reviews each. Each member's own workload is left out of this published report, so that no one can be identified from it.");
        }

        return document;
    }
}
