using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CoProduction.Involvement.Frameworks;

namespace CoProduction.Benchmarks;

/// <summary>
/// Framework import (<see cref="FrameworkJson"/>) near its size limit: a valid framework of about 1.7 MB (800 standards
/// x 20 indicators) and a faulty document of about 1.9 MB (40,000 levels, 200,000 faults, of which 100 are listed).
/// The baseline is <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> of the valid text alone, what
/// reading costs before any checking; refusal should stay within a small multiple of it (linear in the input).
/// Run: <c>dotnet run -c Release --project benchmarks/CoProduction.Benchmarks -- --filter '*ImportBenchmark*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmark
{
    private string _valid = null!;
    private string _faulty = null!;

    [GlobalSetup]
    public void Setup()
    {
        _valid = Valid(800, 20);
        _faulty = Faulty(40_000);
    }

    [Benchmark(Baseline = true)]
    public int JsonDocumentParseOnly()
    {
        using var document = JsonDocument.Parse(_valid);
        return document.RootElement.GetProperty("standards").GetArrayLength();
    }

    [Benchmark]
    public int ParseValid() => FrameworkJson.Parse(_valid, FrameworkParts.Usable).Standards.Count;

    [Benchmark]
    public int RefuseFaulty() => FrameworkJson.TryParse(_faulty, FrameworkParts.Usable, out _, out var errors) ? 0 : errors.Count;

    /// <summary>A valid framework: two levels, one phase, one scale and the given standards and indicators.</summary>
    internal static string Valid(int standards, int indicators)
    {
        var sb = new StringBuilder();
        sb.Append("""{ "id": "big", "name": "Big", "version": "1", "source": "Gen", "levels": [ { "id": "a", "name": "A", "description": "A" }, { "id": "b", "name": "B", "description": "B" } ], "phases": [ { "id": "p", "name": "P", "description": "P" } ], "ratingScales": [ { "id": "s", "name": "S", "points": [ { "value": 0, "label": "No" }, { "value": 1, "label": "Yes" } ] } ], "standards": [""");
        for (var s = 0; s < standards; s++)
        {
            sb.Append(s > 0 ? "," : string.Empty).Append("{ \"id\": \"st").Append(s).Append("\", \"name\": \"Standard ").Append(s).Append("\", \"description\": \"A generated standard\", \"weight\": 1, \"indicators\": [");
            for (var i = 0; i < indicators; i++)
            {
                sb.Append(i > 0 ? "," : string.Empty).Append("{ \"id\": \"in").Append(s).Append('-').Append(i).Append("\", \"text\": \"A generated indicator text of modest length\", \"weight\": 1, \"scale\": \"s\" }");
            }

            sb.Append("]}");
        }

        return sb.Append("] }").ToString();
    }

    /// <summary>A faulty framework: levels each with an unknown property, no name or description, an unknown group and a duplicate id.</summary>
    internal static string Faulty(int levels)
    {
        var sb = new StringBuilder();
        sb.Append("""{ "id": "bad", "name": "Bad", "version": "1", "source": "Gen", "phases": [ { "id": "p", "name": "P", "description": "P" } ], "levels": [""");
        for (var l = 0; l < levels; l++)
        {
            sb.Append(l > 0 ? "," : string.Empty).Append("{ \"id\": \"dup\", \"nam\": \"x\", \"group\": \"nowhere\" }");
        }

        return sb.Append("] }").ToString();
    }
}
