using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.Specification;

/// <summary>
/// Values a database would refuse or silently change (control characters, lone surrogates, over-long text, amounts
/// beyond the columns) are refused before any write, alike on every store, as <see cref="InvalidInputException"/> with
/// every fault by field: no provider exception reaches the caller and nothing is stored.
/// </summary>
public abstract class StorableInputSpecification : StoreSpecification
{
    /// <summary>Text that no store keeps as it is, with what is wrong with it.</summary>
    /// <returns>The cases.</returns>
    public static TheoryData<string, string> UnstorableText() => new()
    {
        { "Patient partner \0A", "control character (U+0000)" },
        { "Patient partner \u001BA", "control character (U+001B)" },
        { new string('a', 20_001), "20001 characters long" },
    };

    /// <summary>Registering a participant whose name cannot be stored is refused with the field named; nothing is stored.</summary>
    /// <param name="name">The name.</param>
    /// <param name="fault">What the message says.</param>
    /// <returns>A task that completes when checked.</returns>
    [Theory]
    [MemberData(nameof(UnstorableText))]
    public async Task RegisterAsync_TextThatCannotBeStored_InvalidInputNamingTheField(string name, string fault)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = ScopeFor(OrganisationA);
        var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();

        var act = () => people.RegisterAsync(name, [ParticipantRole.PatientPartner], ct);

        var refusal = (await act.Should().ThrowAsync<InvalidInputException>()).Which;
        refusal.Kind.Should().Be(ErrorKind.InvalidInput);
        refusal.Errors.Should().ContainKey("Participant.FullName").WhoseValue.Should().ContainSingle().Which.Should().Contain(fault);
        (await scope.ServiceProvider.GetRequiredService<IParticipantStore>().ListPageAsync(default, ct)).TotalCount.Should().Be(0);
    }

    /// <summary>A lone surrogate (text cut in the middle of a character) is refused: PostgreSQL refuses it and SQLite would store U+FFFD.</summary>
    /// <returns>A task that completes when checked.</returns>
    /// <remarks>A fact, not theory data: test-case serialisation would replace the surrogate before the test ran.</remarks>
    [Fact]
    public Task RegisterAsync_ALoneSurrogate_InvalidInputNamingTheField() =>
        RegisterAsync_TextThatCannotBeStored_InvalidInputNamingTheField(string.Concat("Patient partner ", "\uD83D", "A"), "lone surrogate (U+D83D)");

    /// <summary>Several faults in one command are all reported; text with tabs, new lines and paired surrogates is stored as it is.</summary>
    /// <returns>A task that completes when checked.</returns>
    [Fact]
    public async Task SaveAsync_SeveralFaults_AllReported_AndValidTextRoundTrips()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = ScopeFor(OrganisationA);
        var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();
        var partner = await people.RegisterAsync("Patient partner A \U0001F600\tline one\r\nline two", [ParticipantRole.PatientPartner], ct);

        var act = () => people.RenameAsync(partner.Id, "Patient partner \0B", "B\uDC00", ct);

        var refusal = (await act.Should().ThrowAsync<InvalidInputException>()).Which;
        refusal.Errors.Keys.Should().BeEquivalentTo("Participant.FullName", "Participant.PreferredName");
        var stored = await scope.ServiceProvider.GetRequiredService<IParticipantStore>().FindAsync(partner.Id, ct);
        stored!.FullName.Should().Be("Patient partner A \U0001F600\tline one\r\nline two");
        stored.Version.Should().Be(1);
    }

    /// <summary>A fault inside a list is named by its path through the list, with the item's index.</summary>
    /// <returns>A task that completes when checked.</returns>
    [Fact]
    public async Task ChangeAccessibilityNeeds_AFaultInTheSecondNeed_NamedWithItsIndex()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = ScopeFor(OrganisationA);
        var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();
        var partner = await people.RegisterAsync("Patient partner A", [ParticipantRole.PatientPartner], ct);

        var act = () => people.ChangeAccessibilityNeedsAsync(partner.Id, [new AccessibilityNeed("Large print", null), new AccessibilityNeed("Hearing loop", "Seat near\u0007 the front")], ct);

        var refusal = (await act.Should().ThrowAsync<InvalidInputException>()).Which;
        refusal.Errors.Keys.Should().BeEquivalentTo("Participant.AccessibilityNeeds[1].ReasonableAdjustment");
        (await scope.ServiceProvider.GetRequiredService<IParticipantStore>().FindAsync(partner.Id, ct))!.AccessibilityNeeds.Should().BeEmpty();
    }

    /// <summary>Long text under the one limit is kept whole by every store (no column is shorter than the domain's limit).</summary>
    /// <returns>A task that completes when checked.</returns>
    [Fact]
    public async Task RegisterAsync_LongTextUnderTheLimit_RoundTripsOnEveryStore()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = ScopeFor(OrganisationA);
        var name = "Patient partner " + new string('a', 19_000);
        var partner = await scope.ServiceProvider.GetRequiredService<ParticipantService>().RegisterAsync(name, [ParticipantRole.PatientPartner], ct);
        await scope.ServiceProvider.GetRequiredService<ParticipantService>().ChangeContactDetailsAsync(partner.Id, new ContactDetails("a@example.org", new string('1', 500), new string('b', 5_000), ContactMethod.Phone), ct);

        var stored = await scope.ServiceProvider.GetRequiredService<IParticipantStore>().FindAsync(partner.Id, ct);

        stored!.FullName.Should().Be(name);
        stored.Contact!.PostalAddress.Should().HaveLength(5_000);
    }

    /// <summary>An expense beyond what an amount column holds is refused as input, not as a provider's overflow.</summary>
    /// <returns>A task that completes when checked.</returns>
    [Fact]
    public async Task SubmitClaimAsync_AnAmountBeyondTheColumns_InvalidInputAndNothingStored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = ScopeFor(OrganisationA);
        var partner = await scope.ServiceProvider.GetRequiredService<ParticipantService>().RegisterAsync("Patient partner A", [ParticipantRole.PatientPartner], ct);
        var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();

        var act = () => payments.SubmitClaimAsync(partner.Id, [], [new Expense(ExpenseKind.Travel, 99_999_999_999_999_999m, ReceiptProvided: true, "Hire of a coach")], ct);

        (await act.Should().ThrowAsync<InvalidInputException>()).Which.Errors.Keys.Should().Contain(k => k.StartsWith("PaymentClaim.", StringComparison.Ordinal));
        (await scope.ServiceProvider.GetRequiredService<IPaymentClaimStore>().ListForParticipantAsync(partner.Id, ct)).Should().BeEmpty();
    }
}
