using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoProduction.AspNetCore.Tests.TestSupport;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;

namespace CoProduction.AspNetCore.Tests.Http;

public sealed class ProblemDetailsTests
{
    private static CancellationToken Ct => Harness.Ct;

    public static TheoryData<string, int, string> Refusals => new()
    {
        { "not-found", 404, "payments.claim-not-found" },
        { "conflict", 409, ConcurrencyConflictException.ErrorCode },
        { "rule", 422, "peer-review.quorum-not-met" },
        { "forbidden", 403, "payments.self-decision" },
        { "duplicate", 409, "involvement.framework-version-exists" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refusal_OfEachKind_IsProblemDetailsWithItsStatusMessageAndCode(string kind, int status, string code)
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/refuse/{kind}", (string kind) => Throw(kind)));

        var response = await app.GetTestClient().GetAsync(new Uri($"/refuse/{kind}", UriKind.Relative), Ct);

        response.StatusCode.Should().Be((HttpStatusCode)status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("status").GetInt32().Should().Be(status);
        problem.GetProperty("code").GetString().Should().Be(code);
        problem.GetProperty("detail").GetString().Should().MatchRegex("^(Refused:|PaymentClaim .* was changed by someone else)");
        problem.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
        problem.GetProperty("type").GetString().Should().StartWith("https://tools.ietf.org/html/rfc", "a link to the status code's definition");
    }

    [Fact]
    public async Task Refusal_InvalidInput_IsValidationProblemDetailsWithEveryFieldError()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/refuse/input", () => Throw("input")));

        var response = await app.GetTestClient().GetAsync(new Uri("/refuse/input", UriKind.Relative), Ct);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("code").GetString().Should().Be(InvalidInputException.ErrorCode);
        problem.GetProperty("errors").GetProperty("description").EnumerateArray().Select(e => e.GetString()).Should().Equal("Too long.", "Has a NUL.");
        problem.GetProperty("errors").GetProperty("duration").EnumerateArray().Select(e => e.GetString()).Should().Equal("Must be positive.");
    }

    [Fact]
    public async Task Refusal_FromAService_UnknownClaimIdBoundFromTheRoute_Is404WithTheServiceCode()
    {
        var organisation = OrganisationId.New();
        await using var app = await TestApp.StartAsync(MapClaimApproval);
        var team = app.GetTestClient();
        team.DefaultRequestHeaders.Add(TestApp.UserHeader, $"coproduction:organisation={organisation}");
        var approver = await (await team.PostAsync(new Uri("/staff", UriKind.Relative), null, Ct)).Content.ReadAsStringAsync(Ct);
        var client = app.GetTestClient();
        client.DefaultRequestHeaders.Add(TestApp.UserHeader, $"coproduction:organisation={organisation};coproduction:participant={approver}");
        var unknown = PaymentClaimId.New();

        var response = await client.PostAsync(new Uri($"/claims/{unknown}/approve", UriKind.Relative), null, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("code").GetString().Should().Be(PaymentErrorCodes.ClaimNotFound);
        problem.GetProperty("detail").GetString().Should().Contain(unknown.ToString());
    }

    [Fact]
    public async Task Refusal_ApprovingWithoutASignedInParticipant_Is403WithTheCode_TheApproverComesFromTheActor()
    {
        var organisation = OrganisationId.New();
        await using var app = await TestApp.StartAsync(MapClaimApproval);
        var client = app.GetTestClient();
        client.DefaultRequestHeaders.Add(TestApp.UserHeader, $"coproduction:organisation={organisation}");

        var response = await client.PostAsync(new Uri($"/claims/{PaymentClaimId.New()}/approve", UriKind.Relative), null, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the request runs for the application's process, which decides no claim");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("code").GetString().Should().Be(PaymentErrorCodes.NoDecidingPerson);
    }

    private static void MapClaimApproval(WebApplication app)
    {
        app.MapPost("/staff", async (ParticipantService people, CancellationToken ct) => (await people.RegisterAsync("Participation lead A", [ParticipantRole.Staff], ct)).Id.ToString());
        app.MapPost("/claims/{claimId}/approve", async (PaymentClaimId claimId, PaymentService payments, CancellationToken ct) => await payments.ApproveClaimAsync(claimId, ct));
    }

    [Fact]
    public async Task TypedIds_FromRouteQueryAndForm_BindAndMalformedOnesAreRefused()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.MapGet("/participants/{id}", (ParticipantId id, [FromQuery] PaymentClaimId claim) => $"{id}|{claim}");
            a.MapPost("/forms", ([FromForm] ParticipantId participantId) => participantId.ToString()).DisableAntiforgery();
        });
        var client = app.GetTestClient();
        var id = ParticipantId.New();
        var other = PaymentClaimId.New();

        var route = await client.GetStringAsync(new Uri($"/participants/{id}?claim={other}", UriKind.Relative), Ct);
        var form = await client.PostAsync(new Uri("/forms", UriKind.Relative), new FormUrlEncodedContent([new("participantId", id.ToString())]), Ct);
        var malformed = await client.GetAsync(new Uri($"/participants/not-a-guid?claim={other}", UriKind.Relative), Ct);

        route.Should().Be($"{id}|{other}");
        (await form.Content.ReadAsStringAsync(Ct)).Should().Be(id.ToString());
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Json_TypedIdsAndEnums_AreWrittenAsPlainStringsAndNames()
    {
        var id = ParticipantId.New();
        await using var app = await TestApp.StartAsync(a => a.MapGet("/json", () => new { Id = id, Role = ParticipantRole.PatientPartner }));

        var json = await app.GetTestClient().GetStringAsync(new Uri("/json", UriKind.Relative), Ct);

        json.Should().Be($$"""{"id":"{{id}}","role":"PatientPartner"}""");
    }

    [Fact]
    public async Task Organisation_FromAConfiguredClaimType_IsTheRequestsOrganisation()
    {
        var organisation = OrganisationId.New();
        var partner = ParticipantId.New();
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/whoami", (IOrganisationContext context, CoProductionClaimsReader claims, HttpContext http) => $"{context.CurrentOrganisationId}|{claims.Read(http.User).ParticipantId}"),
            o =>
            {
                o.OrganisationClaimType = "trust";
                o.ParticipantClaimType = "person";
            });
        var client = app.GetTestClient();
        client.DefaultRequestHeaders.Add(TestApp.UserHeader, $"trust={organisation};person={partner}");

        var answer = await client.GetStringAsync(new Uri("/whoami", UriKind.Relative), Ct);

        answer.Should().Be($"{organisation}|{partner}");
    }

    [Fact]
    public async Task Actor_SignedInParticipant_IsTheActorOfTheRequest_AndAnAnonymousRequestRunsForTheApplication()
    {
        var organisation = OrganisationId.New();
        var partner = ParticipantId.New();
        await using var app = await TestApp.StartAsync(a => a.MapGet("/actor", (IActorContext actor) => actor.CurrentActor.ToString()));
        var signedIn = app.GetTestClient();
        signedIn.DefaultRequestHeaders.Add(TestApp.UserHeader, $"coproduction:organisation={organisation};coproduction:participant={partner}");

        var theirs = await signedIn.GetStringAsync(new Uri("/actor", UriKind.Relative), Ct);
        var anonymous = await app.GetTestClient().GetStringAsync(new Uri("/actor", UriKind.Relative), Ct);

        theirs.Should().Be($"participant:{partner}");
        anonymous.Should().Be("system:application");
    }

    [Fact]
    public async Task Organisation_AnonymousRequest_IsNotSet()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/whoami", (IOrganisationContext context) => context.CurrentOrganisationId.ToString()));

        var response = await app.GetTestClient().GetAsync(new Uri("/whoami", UriKind.Relative), Ct);

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError, "no organisation claim and no default organisation: the context refuses");
    }

    [Fact]
    public void AddAspNetCore_BeforeAStoreIsChosen_IsRefusedSayingWhatToCallFirst()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();

        var act = () => services.AddCoProduction().AddAspNetCore();

        act.Should().Throw<InvalidOperationException>().WithMessage("*UseSqlite(...)*then AddAspNetCore()*");
    }

    private static IResult Throw(string kind) => throw (kind switch
    {
        "not-found" => (Exception)new RecordNotFoundException("payments.claim-not-found", "Refused: there is no such claim."),
        "conflict" => new ConcurrencyConflictException("PaymentClaim", Guid.CreateVersion7(), 2, 3),
        "rule" => new DomainRuleViolationException("peer-review.quorum-not-met", "Refused: the meeting is not quorate."),
        "forbidden" => new DomainRuleViolationException("payments.self-decision", "Refused: you made this claim.", ErrorKind.Forbidden),
        "duplicate" => new DomainRuleViolationException("involvement.framework-version-exists", "Refused: that version exists.", ErrorKind.Conflict),
        "input" => new InvalidInputException(new Dictionary<string, string[]> { ["description"] = ["Too long.", "Has a NUL."], ["duration"] = ["Must be positive."] }),
        _ => new InvalidOperationException(kind),
    });
}
