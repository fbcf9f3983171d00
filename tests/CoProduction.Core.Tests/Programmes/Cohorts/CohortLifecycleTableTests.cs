using CoProduction.Programmes.Cohorts;

namespace CoProduction.Core.Tests.Programmes.Cohorts;

public sealed class CohortLifecycleTableTests
{
    /// <summary>The lifecycle as the domain describes it, written out by hand: every pair not listed is refused.</summary>
    private static readonly Dictionary<(CohortStatus, CohortTrigger), CohortStatus> Expected = new()
    {
        [(CohortStatus.Planned, CohortTrigger.OpenRecruitment)] = CohortStatus.Recruiting,
        [(CohortStatus.Planned, CohortTrigger.Cancel)] = CohortStatus.Cancelled,
        [(CohortStatus.Recruiting, CohortTrigger.Start)] = CohortStatus.Running,
        [(CohortStatus.Recruiting, CohortTrigger.Cancel)] = CohortStatus.Cancelled,
        [(CohortStatus.Running, CohortTrigger.Complete)] = CohortStatus.Completed,
        [(CohortStatus.Running, CohortTrigger.Cancel)] = CohortStatus.Cancelled,
    };

    public static TheoryData<CohortStatus, CohortTrigger> EveryPair()
    {
        var data = new TheoryData<CohortStatus, CohortTrigger>();
        foreach (var status in Enum.GetValues<CohortStatus>())
        {
            foreach (var trigger in Enum.GetValues<CohortTrigger>())
            {
                data.Add(status, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Target_EveryStatusAndTrigger_MatchesTheLifecycle(CohortStatus status, CohortTrigger trigger) =>
        CohortLifecycle.Target(status, trigger).Should().Be(Expected.TryGetValue((status, trigger), out var to) ? to : null);

    [Fact]
    public void PermittedTriggers_FinalStatusesAllowNothing_OthersAllowCancel()
    {
        CohortLifecycle.IsFinal(CohortStatus.Completed).Should().BeTrue();
        CohortLifecycle.IsFinal(CohortStatus.Cancelled).Should().BeTrue();
        CohortLifecycle.PermittedTriggers(CohortStatus.Planned).Should().Equal(CohortTrigger.OpenRecruitment, CohortTrigger.Cancel);
        CohortLifecycle.PermittedTriggers(CohortStatus.Running).Should().Equal(CohortTrigger.Complete, CohortTrigger.Cancel);
    }
}
