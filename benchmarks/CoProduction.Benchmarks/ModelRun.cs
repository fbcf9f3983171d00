using System.Diagnostics;
using CoProduction.Core.Tests.CrossArea;
using CsCheck;

namespace CoProduction.Benchmarks;

/// <summary>
/// The "model" mode: the cross-area model test (<c>CrossAreaModelTests</c>) for as many sequences as asked, on every
/// core, printing sequences, steps, refusals, time and failures found (with CsCheck's seed to reproduce one).
/// </summary>
internal static class ModelRun
{
    /// <summary>Runs <paramref name="sequences"/> sequences; returns 1 if the model found a failure.</summary>
    public static int Run(long sequences, string? seed)
    {
        var counters = CrossAreaModel.Counters;
        var watch = Stopwatch.StartNew();
        var failures = 0;
        try
        {
            CrossAreaModelRunner.Sequences.Sample(CrossAreaModelRunner.Run, seed: seed, iter: sequences);
        }
        catch (CsCheckException ex)
        {
            failures = 1;
            Console.WriteLine(ex.Message);
            Console.WriteLine(ex.InnerException?.Message);
        }

        watch.Stop();
        Console.WriteLine($"sequences {counters.Sequences:N0}, steps run {counters.Steps:N0} ({counters.Refusals:N0} refused as predicted), {watch.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} threads, {counters.Steps / Math.Max(watch.Elapsed.TotalSeconds, 0.001):N0} steps/s, failures found {failures}");
        return failures;
    }
}
