using CoProduction.Involvement;
using CoProduction.Involvement.Projects;
using CoProduction.Primitives;

namespace CoProduction.Core.Tests.Involvement;

public sealed class InvolvementMeasureTests
{
    [Fact]
    public void Count_AYearOfGeneratedProjects_MatchesCountsWorkedOutProjectByProject_AndThePChartPoolsThem()
    {
        var clock = InvolvementTestData.Clock();
        var organisation = OrganisationId.New();
        var framework = InvolvementTestData.PublishedFramework(organisation, clock);
        var levels = framework.Levels.Select(l => l.Id).ToList();
        var chosen = levels[4];
        var random = new Random(20261207);
        var projects = new List<ImprovementProject>();
        var first = new DateOnly(2025, 1, 1);
        var last = new DateOnly(2026, 2, 28);
        for (var i = 0; i < 40; i++)
        {
            var start = first.AddDays(random.Next(0, 400));
            var project = InvolvementTestData.StartProject(organisation, framework, clock, startedOn: start, title: $"Project {i}");
            var end = random.Next(3) == 0 ? start.AddDays(random.Next(20, 200)) : (DateOnly?)null;
            var lastDay = end is { } e && e < last ? e : last;
            for (var r = random.Next(0, 4); r > 0; r--)
            {
                var on = start.AddDays(random.Next(0, Math.Max(1, lastDay.DayNumber - start.DayNumber)));
                var people = random.Next(3) == 0 ? [InvolvementTestData.StaffMember()] : new[] { InvolvementTestData.Patient(), InvolvementTestData.StaffMember() };
                project.RecordInvolvement(framework, on, project.CurrentPhaseId, levels[random.Next(levels.Count)], "Workshop", people, clock);
            }

            if (end is { } closeOn && closeOn < last)
            {
                project.Close(closeOn, clock);
            }

            projects.Add(project);
        }

        var measure = InvolvementMeasure.Count(framework, chosen, projects, first, last, 0.8);

        // Worked out the other way round: for each project, the months it was active and the day it first qualified.
        var expected = new Dictionary<DateOnly, (int Active, int Involving)>();
        foreach (var project in projects)
        {
            var qualified = project.Records
                .Where(r => r.Participants.Any(p => p.HasLivedExperience) && levels.IndexOf(r.LevelId) >= levels.IndexOf(chosen))
                .Select(r => (DateOnly?)r.OccurredOn).Min();
            for (var month = first; month <= last; month = month.AddMonths(1))
            {
                var monthEnd = month.AddMonths(1).AddDays(-1);
                var active = project.StartedOn <= monthEnd && !(project.ClosedOn < month);
                var (a, n) = expected.GetValueOrDefault(month);
                expected[month] = (a + (active ? 1 : 0), n + (active && qualified <= monthEnd ? 1 : 0));
            }
        }

        measure.Months.Should().HaveCount(14);
        measure.Months.Select(m => (m.Month, m.ActiveProjects, m.ProjectsInvolving)).Should().Equal(expected.OrderBy(e => e.Key).Select(e => (e.Key, e.Value.Active, e.Value.Involving)));
        measure.Months.Sum(m => m.ProjectsInvolving).Should().BeGreaterThan(0).And.BeLessThan(measure.Months.Sum(m => m.ActiveProjects), "the data must exercise both outcomes");
        measure.LevelName.Should().Be(framework.FindLevel(chosen)!.Name);

        var charted = measure.Months.Where(m => m.ActiveProjects > 0).ToList();
        measure.Chart.Should().NotBeNull();
        measure.Chart!.Proportions.Should().Equal(charted.Select(m => m.Share!.Value));
        measure.Chart.CentreLine.Should().BeApproximately((double)charted.Sum(m => m.ProjectsInvolving) / charted.Sum(m => m.ActiveProjects), 1e-12, "the p chart's centre line pools the months");
    }
}
