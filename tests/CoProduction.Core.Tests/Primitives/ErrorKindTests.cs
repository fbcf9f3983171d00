using System.Reflection;
using System.Text.RegularExpressions;
using CoProduction.Core.Tests.TestSupport;
using CoProduction.Involvement.Frameworks;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.Primitives;

public sealed partial class ErrorKindTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(ErrorKind.InvalidInput, 400)]
    [InlineData(ErrorKind.NotFound, 404)]
    [InlineData(ErrorKind.Conflict, 409)]
    [InlineData(ErrorKind.RuleBroken, 422)]
    [InlineData(ErrorKind.Forbidden, 403)]
    public void HttpStatusCode_EachKind_MapsToOneStatus(ErrorKind kind, int status) => kind.HttpStatusCode().Should().Be(status);

    [Fact]
    public void HttpStatusCode_EveryKindIsMapped() =>
        Enum.GetValues<ErrorKind>().Select(k => k.HttpStatusCode()).Should().OnlyHaveUniqueItems();

    [Fact]
    public async Task InvalidInput_AFrameworkWithFaults_IsInvalidInputWithItsCode()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();

        var act = () => scope.ServiceProvider.GetRequiredService<InvolvementFrameworkService>().ImportAsync("{ \"key\": 3 }", Ct);

        var refusal = (await act.Should().ThrowAsync<CoProductionException>()).Which;
        (refusal.Kind, refusal.Code).Should().Be((ErrorKind.InvalidInput, FrameworkValidationException.ErrorCode));
    }

    [Fact]
    public async Task NotFound_AnUnknownClaimant_IsNotFoundWithThePeopleCode()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();

        var act = () => scope.ServiceProvider.GetRequiredService<PaymentService>().SubmitClaimAsync(ParticipantId.New(), [], [], Ct);

        var refusal = (await act.Should().ThrowAsync<RecordNotFoundException>()).Which;
        (refusal.Kind, refusal.Code).Should().Be((ErrorKind.NotFound, PeopleErrorCodes.ParticipantNotFound));
    }

    [Fact]
    public async Task Conflict_AStaleUpdate_IsAConflict()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();
        var store = scope.ServiceProvider.GetRequiredService<IParticipantStore>();
        var registered = await people.RegisterAsync("Patient partner A", [ParticipantRole.PatientPartner], Ct);
        var stale = (await store.FindAsync(registered.Id, Ct))!;
        await people.GiveConsentAsync(registered.Id, ConsentPurpose.Contact, Ct);
        stale.GiveConsent(ConsentPurpose.Recording, host.Clock);

        var act = () => store.UpdateAsync(stale, Ct);

        var refusal = (await act.Should().ThrowAsync<ConcurrencyConflictException>()).Which;
        (refusal.Kind, refusal.Code).Should().Be((ErrorKind.Conflict, ConcurrencyConflictException.ErrorCode));
    }

    [Fact]
    public async Task RuleBroken_AnExpenseWithoutItsReceipt_IsRuleBroken()
    {
        await using var host = TestHost.CreatePaying(o => o.Payments.ReceiptRequiredAbove = 10m);
        await using var scope = host.Scope();
        var partner = await scope.ServiceProvider.GetRequiredService<ParticipantService>().RegisterAsync("Patient partner A", [ParticipantRole.PatientPartner], Ct);

        var act = () => scope.ServiceProvider.GetRequiredService<PaymentService>().SubmitClaimAsync(partner.Id, [], [new Expense(ExpenseKind.Travel, 25m, ReceiptProvided: false, "Taxi")], Ct);

        var refusal = (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which;
        (refusal.Kind, refusal.Code).Should().Be((ErrorKind.RuleBroken, PaymentErrorCodes.ReceiptRequired));
    }

    [Fact]
    public async Task Forbidden_ApprovingOnesOwnClaim_IsForbidden()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var staff = await scope.ServiceProvider.GetRequiredService<ParticipantService>().RegisterAsync("Staff member X", [ParticipantRole.Staff], Ct);
        var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();
        var claim = await payments.SubmitClaimAsync(staff.Id, [], [new Expense(ExpenseKind.Travel, 5m, ReceiptProvided: true, "Bus")], Ct);

        var act = () => payments.ActingAs(scope, staff.Id).ApproveClaimAsync(claim.Id, Ct);

        var refusal = (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which;
        (refusal.Kind, refusal.Code).Should().Be((ErrorKind.Forbidden, PaymentErrorCodes.SelfDecision));
    }

    [Fact]
    public void ErrorCodes_AreUniqueAndOfOnePattern_AndTopLevelLookupsUseNotFound()
    {
        var codes = typeof(Participant).Assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("ErrorCodes", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (Owner: t.Name, Name: f.Name, Value: (string)f.GetRawConstantValue()!)))
            .ToList();

        codes.Should().HaveCountGreaterThan(100);
        codes.Select(c => c.Value).Should().OnlyHaveUniqueItems("a code names one refusal");
        codes.Should().OnlyContain(c => CodePattern().IsMatch(c.Value), "codes are 'area.kebab-case'");
        codes.Where(c => c.Name.EndsWith("NotFound", StringComparison.Ordinal)).Should().OnlyContain(c => c.Value.EndsWith("-not-found", StringComparison.Ordinal));
        codes.Where(c => c.Value.EndsWith("-not-found", StringComparison.Ordinal)).Should().OnlyContain(c => c.Name.EndsWith("NotFound", StringComparison.Ordinal));
        codes.Where(c => c.Value.EndsWith(".unknown-participant", StringComparison.Ordinal)).Should().BeEmpty("one participant lookup has one code: people.participant-not-found");
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*\\.[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
