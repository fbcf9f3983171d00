using CoProduction.Core.Tests.TestSupport;
using CoProduction.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoProduction.Core.Tests.People;

public sealed class ParticipantServiceLoggingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EraseAndExport_AreLoggedForTheOperator_ByIdNeverByName()
    {
        await using var host = TestHost.Create(services: s => s.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Debug)));
        await using var scope = host.Scope();
        var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();
        var person = await people.RegisterAsync("Zebedee Quartermaine", [ParticipantRole.PatientPartner], Ct);

        await people.ExportAsync(person.Id, Ct);
        await people.EraseAsync(person.Id, Ct);

        var lines = host.Provider.GetFakeLogCollector().GetSnapshot().Where(r => r.Category == typeof(ParticipantService).FullName).ToList();
        lines.Should().HaveCount(2);
        lines.Should().OnlyContain(r => r.Level == LogLevel.Information && r.Message.Contains(person.Id.ToString(), StringComparison.Ordinal));
        lines[0].Message.Should().Contain("subject-access export");
        lines[1].Message.Should().Contain("was erased");
        lines.Should().NotContain(r => r.Message.Contains("Zebedee", StringComparison.Ordinal), "a log line never holds a person's name");
    }
}
