using System.Globalization;
using CoProduction.Scoring;

namespace CoProduction.Reporting.Tests;

/// <summary>Made-up series shaped like a trust's involvement measure and a panel's turnaround, used by the tests and written out as files.</summary>
internal static class Samples
{
    public static readonly int[] InvolvedProjects = [8, 9, 8, 10, 10, 9, 11, 10, 10, 11, 12, 11, 10, 12, 12, 11, 13, 17, 18, 19, 18, 20, 19, 20];

    public static readonly int[] ActiveProjects = [14, 15, 15, 16, 17, 16, 18, 18, 17, 19, 20, 19, 18, 20, 21, 20, 22, 21, 22, 23, 22, 24, 23, 24];

    public static readonly double[] DaysToFeedback =
    [
        46, 41, 52, 44, 39, 48, 50, 43, 47, 38, 45, 51, 42, 46, 49,
        33, 29, 31, 27, 34, 30, 28, 26, 32, 29, 31, 27, 30, 25, 28,
    ];

    public static string[] Months(int count) =>
        Enumerable.Range(0, count).Select(i => new DateOnly(2024, 1, 1).AddMonths(i).ToString("MMM yyyy", CultureInfo.InvariantCulture)).ToArray();

    public static string[] Weeks(int count) =>
        Enumerable.Range(0, count).Select(i => new DateOnly(2025, 1, 6).AddDays(7 * i).ToString("d MMM yyyy", CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// Share of active projects with patients involved, monthly, against a target of 80%, with two PDSA cycles marked; the
    /// limits come from the first 12 months (the baseline), as Making Data Count advises before a change is tested.
    /// </summary>
    public static SpcChart Involvement(ProportionChartKind kind = ProportionChartKind.P) => SpcChart.CreateProportion(
        "Projects with patient partners involved at co-design or above",
        Months(InvolvedProjects.Length),
        InvolvedProjects,
        ActiveProjects,
        kind,
        new SpcOptions { Target = 0.8, ImprovementDirection = ImprovementDirection.Increase, BaselineLength = 12 },
        new SpcChartOptions
        {
            ValueAxisTitle = "Share of active projects",
            PeriodName = "month",
            Annotations = [new ChartAnnotation(12, "PDSA cycle 1"), new ChartAnnotation(16, "PDSA cycle 2")],
        });

    /// <summary>Days from submission to panel feedback, weekly, lower is better, rebased after the panel changed its process.</summary>
    public static SpcChart Turnaround() => SpcChart.CreateXmR(
        "Days from submission to panel feedback",
        Weeks(DaysToFeedback.Length),
        DaysToFeedback,
        new SpcOptions { Target = 35, ImprovementDirection = ImprovementDirection.Decrease, RebaseAt = [15] },
        new SpcChartOptions
        {
            ValueAxisTitle = "Days",
            PeriodName = "week",
            ValueFormatter = v => v.ToString("0", CultureInfo.InvariantCulture),
            Annotations = [new ChartAnnotation(15, "Triage by the patient chair")],
        });

    /// <summary>Strings that break naive writers: Markdown table pipes and emphasis, HTML, quotes, line breaks, spreadsheet formulas.</summary>
    public static readonly string[] Hostile =
    [
        "North | South *pilot*",
        "<script>alert('x')</script>",
        "\"Quoted\" and 'single'",
        "Line one\nLine two",
        "=cmd|' /C calc'!A0",
        "+44 20 7946 0000",
        "-1+1",
        "@SUM(A1:A2)",
        "\tTabbed",
        "\rCarriage return",
        "\uFF1D1+1 (full-width equals)",
        "a & b < c > d; **bold** _it_ `code` [link](javascript:alert(1))",
    ];

    /// <summary>A made-up programme report with two charts and two tables, as an adapter from Core would build it.</summary>
    public static ReportDocument Report()
    {
        var report = new ReportDocument("Co-production for improvement: programme report 2025");
        var involvement = report.AddSection("Patient involvement in improvement projects");
        involvement.AddParagraph("The share of active projects with patient partners involved at co-design or above rose after the second PDSA cycle.\nThe target is 80%.");
        involvement.AddChart(Involvement());
        involvement.AddTable("Projects and their involvement",
                new ReportColumn("Project"),
                new ReportColumn("Patient partner"),
                new ReportColumn("Level"),
                new ReportColumn("Started", ReportColumnKind.Date),
                new ReportColumn("Partners involved", ReportColumnKind.Number),
                new ReportColumn("Meetings with patients", ReportColumnKind.Percent, 1))
            .AddRow("Falls prevention on ward 7", "Patient partner A", "Co-design", new DateOnly(2025, 2, 3), 3, 0.75)
            .AddRow("Discharge letters", "Patient partner B", "Consultation", new DateOnly(2025, 4, 14), 1, 0.25)
            .AddRow("Sepsis screening in ED", "Carer partner C", "Co-production", new DateOnly(2024, 11, 4), 4, 0.9167);
        var panel = report.AddSection("Patient peer review panel");
        panel.AddParagraph("The panel changed how it triages submissions in April; the limits were recalculated from then.");
        panel.AddChart(Turnaround());
        panel.AddTable("Reviews this year",
                new ReportColumn("Submission"),
                new ReportColumn("Reviewers", ReportColumnKind.Number),
                new ReportColumn("Agreement (alpha)", ReportColumnKind.Number, 2),
                new ReportColumn("Feedback issued", ReportColumnKind.Date))
            .AddRow("Falls prevention on ward 7", 4, 0.81, new DateOnly(2025, 5, 2))
            .AddRow("Discharge letters", 3, -0.05, new DateOnly(2025, 6, 20))
            .AddRow("Sepsis screening in ED", 5, 0.672m, null);
        return report;
    }

    /// <summary>The same shape of report with a hostile string in every piece of text.</summary>
    public static ReportDocument HostileReport()
    {
        var report = new ReportDocument(Hostile[1] + " " + Hostile[0]);
        var section = report.AddSection(Hostile[4]);
        foreach (var text in Hostile)
        {
            section.AddParagraph(text);
        }

        var table = section.AddTable(Hostile[0] + Hostile[1],
            new ReportColumn(Hostile[4]),
            new ReportColumn("Count", ReportColumnKind.Number),
            new ReportColumn(Hostile[2], ReportColumnKind.Percent, 1),
            new ReportColumn("Date", ReportColumnKind.Date));
        for (var i = 0; i < Hostile.Length; i++)
        {
            table.AddRow(Hostile[i], i - 3, i / 10.0, new DateOnly(2025, 1, 1).AddDays(i));
        }

        section.AddChart(SpcChart.CreateXmR(Hostile[1], Hostile, Enumerable.Range(0, Hostile.Length).Select(i => (double)(i % 4)).ToArray(),
            chartOptions: new SpcChartOptions { Annotations = [new ChartAnnotation(4, Hostile[4])], ValueAxisTitle = Hostile[3] }));
        return report;
    }

    /// <summary>Writes a file into the test output folder (samples/) and returns its path, so the files can be looked at.</summary>
    public static string WriteOutput(string fileName, string content)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "samples");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, content);
        return path;
    }
}
