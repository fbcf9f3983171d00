using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CoProduction.Programmes;

namespace CoProduction.Core.Tests.Programmes;

public sealed partial class ProgrammeErrorCodesTests
{
    private static readonly IReadOnlyList<(string Name, string Code)> Codes =
    [
        .. typeof(ProgrammeErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!)),
    ];

    [Fact]
    public void Codes_AreUniqueKebabCaseUnderTheProgrammesPrefix()
    {
        Codes.Should().HaveCountGreaterThan(40);
        Codes.Select(c => c.Code).Should().OnlyHaveUniqueItems();
        Codes.Should().OnlyContain(c => KebabCode().IsMatch(c.Code), "codes look like programmes.some-rule");
    }

    [Fact]
    public void Codes_AreEachAssertedBySomeTest()
    {
        // Reads this folder's test sources: every rule must be refused somewhere with its code asserted.
        var folder = TestSourceFolder();
        var sources = string.Join('\n', Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(nameof(ProgrammeErrorCodesTests) + ".cs", StringComparison.Ordinal))
            .Select(File.ReadAllText));

        var untested = Codes.Where(c => !sources.Contains($"ProgrammeErrorCodes.{c.Name},", StringComparison.Ordinal) && !sources.Contains($"ProgrammeErrorCodes.{c.Name})", StringComparison.Ordinal)).Select(c => c.Name);

        untested.Should().BeEmpty("every rule has a test that asserts its code");
    }

    /// <summary>Finds this folder's sources: where this file was compiled, else by walking up from the test binaries (for builds with mapped source paths).</summary>
    private static string TestSourceFolder([CallerFilePath] string thisFile = "")
    {
        var compiled = Path.GetDirectoryName(thisFile);
        if (compiled is not null && Directory.Exists(compiled))
        {
            return compiled;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "CoProduction.Core.Tests", "Programmes");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The Programmes test sources were not found next to the test binaries; run the tests from a clone of the repository.");
    }

    [GeneratedRegex("^programmes\\.[a-z]+(-[a-z]+)*$")]
    private static partial Regex KebabCode();
}
