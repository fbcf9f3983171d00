using CoProduction.PeerReview;
using CoProduction.Scoring;

namespace CoProduction.Core.Tests.PeerReview;

public sealed class PanelAgreementByCriterionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnalyseAgreementByCriterion_ReviewersAgreeOnOneCriterionOnly_GivesAlphaOneThereAndTheDirectFigureForTheOther_LeavingOutOtherPeriods()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        int[,] voice = { { 5, 2, 4 }, { 5, 2, 4 }, { 5, 2, 4 } };   // reviewers x submissions: full agreement
        int[,] plan = { { 4, 2, 3 }, { 5, 1, 3 }, { 3, 2, 5 } };    // some disagreement
        var march = await ReviewedMeetingAsync(world, p, new DateOnly(2026, 3, 10), voice, plan);
        await ReviewedMeetingAsync(world, p, new DateOnly(2026, 9, 10), new[,] { { 1, 5, 1 }, { 5, 1, 5 }, { 3, 3, 3 } }, new[,] { { 1, 5, 1 }, { 5, 1, 5 }, { 3, 3, 3 } });

        var result = await world.Panels.AnalyseAgreementByCriterionAsync(p.PanelId, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), Ct);

        result.Select(r => r.Criterion).Should().Equal("patient-voice", "plan", "progress");
        result[0].Alpha.Should().Be(1, "every reviewer gave each project the same rating");
        result[1].Alpha.Should().BeApproximately(Agreement.KrippendorffAlpha(ToDoubles(plan), MeasurementLevel.Ordinal), 1e-12, "the same ratings laid out by hand as reviewers x projects");
        result[1].Alpha.Should().BeLessThan(1);
        result[1].PairableUnits.Should().Be(3);
        result[2].Alpha.Should().Be(double.NaN, "the return-visit form was not used in the period");
        march.Should().NotBe(default(PanelMeetingId));
    }

    private static async Task<PanelMeetingId> ReviewedMeetingAsync(ServiceWorld world, ServicePanel p, DateOnly date, int[,] voice, int[,] plan)
    {
        world.At(date.Month, date.Day - 1);
        var meeting = await world.Meetings.ArrangeAsync(p.PanelId, date, Ct);
        var submissions = new List<ReviewSubmissionId>();
        var start = new TimeOnly(10, 0);
        for (var i = 0; i < 3; i++)
        {
            var s = await p.DraftAsync($"Project {date:MM}-{i}", "Stroke");
            await world.ChangeSubmissionAsync(s.Id, x => { x.Submit(world.Clock); x.Accept(world.Clock); });
            await world.Meetings.ScheduleAsync(s.Id, meeting.Id, start, 40, Ct);
            start = start.AddMinutes(40);
            submissions.Add(s.Id);
        }

        world.At(date.Month, date.Day);
        foreach (var who in new[] { p.Chair, p.R2, p.R3, p.R4, p.Facilitator })
        {
            await p.AttendAsync(meeting.Id, who, AttendanceStatus.Present);
        }

        var reviewers = new[] { p.R2, p.R3, p.R4 };
        for (var r = 0; r < reviewers.Length; r++)
        {
            for (var s = 0; s < submissions.Count; s++)
            {
                await p.ReviewAsync(meeting.Id, reviewers[r], submissions[s], "patient-voice", voice[r, s], "plan", plan[r, s]);
            }
        }

        return meeting.Id;
    }

    private static double[,] ToDoubles(int[,] values)
    {
        var result = new double[values.GetLength(0), values.GetLength(1)];
        for (var i = 0; i < values.GetLength(0); i++)
        {
            for (var j = 0; j < values.GetLength(1); j++)
            {
                result[i, j] = values[i, j];
            }
        }

        return result;
    }
}
