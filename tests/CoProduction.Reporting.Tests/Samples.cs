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
