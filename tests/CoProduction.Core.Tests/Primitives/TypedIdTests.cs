using System.ComponentModel;
using System.Globalization;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using CoProduction.People;
using CoProduction.PeerReview;
using CoProduction.Primitives;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoProduction.Core.Tests.Primitives;

public sealed class TypedIdTests
{
    /// <summary>Every typed id the library exports.</summary>
    public static TheoryData<string> IdTypes() => [.. AllIdTypes().Select(t => t.FullName!)];

    [Fact]
    public void IdTypes_CoverEveryArea()
    {
        AllIdTypes().Select(t => t.Namespace).Distinct().Should().Contain(
            ["CoProduction.People", "CoProduction.Payments", "CoProduction.PeerReview", "CoProduction.Programmes", "CoProduction.Involvement.Projects", "CoProduction.Partners", "CoProduction.Primitives"]);
        AllIdTypes().Should().HaveCountGreaterThan(20);
    }

    [Theory]
    [MemberData(nameof(IdTypes))]
    public void TypedId_ParsesFormatsConvertsAndRefusesTheEmptyGuid(string typeName) => Invoke(nameof(CheckValueBehaviour), typeName);

    [Theory]
    [MemberData(nameof(IdTypes))]
    public void TypedId_ReadsAsAPlainStringInJson_AlsoAsADictionaryKey(string typeName) => Invoke(nameof(CheckJson), typeName);

    [Fact]
    public void CoProductionJsonOptions_WriteEnumsByName_AndIdsAsStrings()
    {
        var id = ParticipantId.New();

        var json = JsonSerializer.Serialize(new { Id = id, Role = ParticipantRole.Carer, State = SubmissionState.FeedbackIssued }, CoProductionJson.Options);

        json.Should().Be($$"""{"id":"{{id.Value}}","role":"Carer","state":"FeedbackIssued"}""");
        CoProductionJson.Options.IsReadOnly.Should().BeTrue();
    }

    [Fact]
    public async Task EveryTypedId_BindsFromARoute_AndComesBackAsAString()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        foreach (var type in AllIdTypes())
        {
            typeof(TypedIdTests).GetMethod(nameof(MapEcho), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, [app]);
        }

        await app.StartAsync(ct);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            foreach (var type in AllIdTypes())
            {
                var value = Guid.CreateVersion7();
                var echoed = await client.GetFromJsonAsync<JsonElement>($"/{type.Name}/{value}", ct);
                echoed.GetProperty("id").GetString().Should().Be(value.ToString(), $"{type.Name} binds from the route and serialises as a string");
                var bad = await client.GetAsync(new Uri($"/{type.Name}/not-an-id", UriKind.Relative), ct);
                ((int)bad.StatusCode).Should().Be(StatusCodes.Status400BadRequest, $"a malformed {type.Name} is the caller's mistake");
                var empty = await client.GetAsync(new Uri($"/{type.Name}/{Guid.Empty}", UriKind.Relative), ct);
                ((int)empty.StatusCode).Should().Be(StatusCodes.Status400BadRequest, $"the empty GUID is no {type.Name}");
            }
        }
        finally
        {
            await app.StopAsync(ct);
        }
    }

    private static void MapEcho<TId>(WebApplication app)
        where TId : struct, ITypedId<TId> =>
        app.MapGet($"/{typeof(TId).Name}/{{id}}", (TId id) => Results.Json(new { id }));

    private static void CheckValueBehaviour<TId>()
        where TId : struct, ITypedId<TId>
    {
        var id = TId.New();
        var text = id.ToString();

        TId.Parse(text, CultureInfo.InvariantCulture).Should().Be(id);
        TId.Parse(text.AsSpan(), CultureInfo.InvariantCulture).Should().Be(id);
        TId.TryParse(text, CultureInfo.InvariantCulture, out var parsed).Should().BeTrue();
        parsed.Should().Be(id);
        TId.TryParse("not-an-id", CultureInfo.InvariantCulture, out _).Should().BeFalse();
        TId.TryParse(Guid.Empty.ToString(), CultureInfo.InvariantCulture, out _).Should().BeFalse();
        TId.TryParse((string?)null, CultureInfo.InvariantCulture, out _).Should().BeFalse();
        FluentActions.Invoking(() => TId.Parse("not-an-id", CultureInfo.InvariantCulture)).Should().Throw<FormatException>().WithMessage($"*not a valid {typeof(TId).Name}*");
        FluentActions.Invoking(() => ParseText<TId>(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => Activator.CreateInstance(typeof(TId), Guid.Empty))
            .Should().Throw<TargetInvocationException>().WithInnerException<ArgumentException>().Which.ParamName.Should().Be("value");
        var converter = TypeDescriptor.GetConverter(typeof(TId));
        converter.ConvertFromInvariantString(text!).Should().Be(id);
        converter.ConvertToInvariantString(id).Should().Be(text);
        converter.ConvertTo(id, typeof(Guid)).Should().Be(id.Value);
    }

    private static TId ParseText<TId>(string s)
        where TId : IParsable<TId> => TId.Parse(s, CultureInfo.InvariantCulture);

    private static void CheckJson<TId>()
        where TId : struct, ITypedId<TId>
    {
        var id = TId.New();

        var json = JsonSerializer.Serialize(new Holder<TId>(id, new Dictionary<TId, int> { [id] = 3 }));

        json.Should().Be("{\"Id\":\"" + id.Value + "\",\"Counts\":{\"" + id.Value + "\":3}}");
        JsonSerializer.Deserialize<Holder<TId>>(json).Should().Match<Holder<TId>>(h => h.Id.Equals(id) && h.Counts[id] == 3);
        FluentActions.Invoking(() => JsonSerializer.Deserialize<Holder<TId>>("""{"Id":"00000000-0000-0000-0000-000000000000","Counts":{}}""")).Should().Throw<JsonException>();
        FluentActions.Invoking(() => JsonSerializer.Deserialize<Holder<TId>>("""{"Id":{"value":"x"},"Counts":{}}""")).Should().Throw<JsonException>();
    }

    private static IEnumerable<Type> AllIdTypes() =>
        typeof(Participant).Assembly.GetExportedTypes()
            .Where(t => t.IsValueType && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITypedId<>)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static void Invoke(string method, string typeName)
    {
        var type = AllIdTypes().Single(t => t.FullName == typeName);
        try
        {
            typeof(TypedIdTests).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, null);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }
    }

    private sealed record Holder<TId>(TId Id, Dictionary<TId, int> Counts)
        where TId : struct, ITypedId<TId>;
}
