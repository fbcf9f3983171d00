using CsCheck;

namespace CoProduction.Core.Tests.CrossArea;

/// <summary>
/// Random sequences of commands across People, Payments, Peer review and Programmes, run through the services against
/// the in-memory stores and checked after every step against a simple model (see <see cref="CrossAreaModel"/>).
/// 10,000 sequences of up to 20 steps by default; set <c>COPRODUCTION_MODEL_SEQUENCES</c> for a longer run, or run
/// <c>dotnet run -c Release --project benchmarks/CoProduction.Benchmarks -- model 100000</c>.
/// </summary>
public sealed class CrossAreaModelTests
{
    [Fact]
    public void Services_RandomSequencesAcrossAreas_KeepEveryInvariantOfTheModel()
    {
        var sequences = CrossAreaModelRunner.SequencesToRun(10_000);
        var before = CrossAreaModel.Counters.Sequences;

        CrossAreaModelRunner.Sequences.Sample(CrossAreaModelRunner.Run, iter: sequences);

        (CrossAreaModel.Counters.Sequences - before).Should().BeGreaterThanOrEqualTo(sequences);
    }
}
