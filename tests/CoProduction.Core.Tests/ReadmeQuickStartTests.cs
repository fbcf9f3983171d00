using System.Text.RegularExpressions;
using CoProduction;
using CoProduction.Payments;
using CoProduction.People;
using Microsoft.Extensions.DependencyInjection;

// Outside the library's namespaces, as an application is, so that the README's usings are the ones this file needs.
namespace ReadmeQuickStart;

/// <summary>
/// The quick start of README.md, compiled and run: the code between the markers below is the README's C# block (less
/// its <c>using</c> lines, which head this file), and a test fails when the two differ, so the README cannot rot.
/// </summary>
public sealed partial class ReadmeQuickStartTests
{
    [Fact]
    public async Task QuickStart_AsWrittenInTheReadme_RegistersPaysExportsAndErases()
    {
        // README quick start: begin
        var trustId = Guid.Parse("0197a5d2-3c4b-7e8f-9a01-23456789abcd");   // your organisation's id
        var ct = CancellationToken.None;                                   // in an app, the request's token

        var services = new ServiceCollection();
        services.AddCoProduction(options =>
                {
                    options.OrganisationId = trustId;         // single-organisation apps; others set OrganisationContext per request
                    options.Payments.CurrencyCode = "GBP";
                    // Claims are priced by a dated payment policy, never by built-in rates: copy a preset and edit it
                    // (or bind CoProduction:Payments:Policy from appsettings). Without one, claims for time are refused.
                    options.Payments.UsePolicy(PaymentPolicyPresets.NhsEnglandPpvLevel4());
                })
                .UseInMemoryStores();                         // a store must be chosen; see Storage below

        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();  // one scope per request or unit of work
        var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();
        var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();

        var partner = await people.RegisterAsync("Patient partner A", [ParticipantRole.PatientPartner], ct);
        await people.GiveConsentAsync(partner.Id, ConsentPurpose.Contact, ct);

        var session = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting,
            new DateOnly(2025, 6, 10), TimeSpan.FromHours(2), roleLevel: "Partner", "Peer review panel", source: null, ct);
        var claim = await payments.SubmitClaimAsync(partner.Id, [session.Id],
            [new Expense(ExpenseKind.Travel, 12.80m, ReceiptProvided: true, "Train fare")], ct);

        string json = (await people.ExportAsync(partner.Id, ct)).ToJson();   // subject-access export
        await people.EraseAsync(partner.Id, ct);                               // right to erasure
        // README quick start: end

        claim.Total.Should().Be(75m + 12.80m, "two hours is under the preset's 4-hour boundary, so the 75.00 fee, and the fare");
        json.Should().Contain("Patient partner A");
        (await people.GetAsync(partner.Id, ct)).IsErased.Should().BeTrue();
    }

    [Fact]
    public void Readme_QuickStartBlock_IsTheCodeOfThisTest()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var thisFile = File.ReadAllText(Path.Combine(root, "tests", "CoProduction.Core.Tests", "ReadmeQuickStartTests.cs"));

        var block = QuickStartBlock().Match(readme);
        block.Success.Should().BeTrue("README.md has a '## Quick start' section with a ```csharp block");
        var readmeLines = Lines(block.Groups["code"].Value);
        var usings = readmeLines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal) || l.Length == 0).ToList();
        var region = Region().Match(thisFile);

        usings.Where(u => u.Length > 0).Should().OnlyContain(u => thisFile.Contains(u, StringComparison.Ordinal), "the README's usings head this file");
        Dedent(readmeLines.Skip(usings.Count)).Should().Equal(Dedent(Lines(region.Groups["code"].Value)));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CoProduction.Core.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CoProduction.Core.sln not found above the test's directory.");
    }

    private static List<string> Lines(string text) => [.. text.ReplaceLineEndings("\n").Trim('\n').Split('\n').Select(l => l.TrimEnd())];

    private static List<string> Dedent(IEnumerable<string> lines)
    {
        var list = lines.ToList();
        var indent = list.Where(l => l.Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return [.. list.Select(l => l.Length == 0 ? l : l[indent..])];
    }

    [GeneratedRegex(@"## Quick start\s+```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex QuickStartBlock();

    [GeneratedRegex(@"// README quick start: begin\n(?<code>.*?)\n\s*// README quick start: end", RegexOptions.Singleline)]
    private static partial Regex Region();
}
