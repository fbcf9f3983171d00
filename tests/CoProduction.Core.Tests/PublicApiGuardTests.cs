using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using CoProduction.Core.Tests.TestSupport;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests;

/// <summary>
/// Walks every public constructor and method of CoProduction.Core and checks that each non-nullable string refuses
/// <see langword="null"/> and a blank with an <see cref="InvalidInputException"/> naming the field, and each other
/// non-nullable reference refuses <see langword="null"/> with an <see cref="ArgumentNullException"/> naming it.
/// </summary>
public sealed class PublicApiGuardTests
{
    /// <summary>Result records the library builds itself; callers never pass them in.</summary>
    private static readonly HashSet<Type> ResultTypes =
    [
        typeof(CoProduction.Storage.OutboxMessage),
        typeof(SubjectAccessExport),
        typeof(ParticipantRecordExport),
        typeof(ClaimAgeing),
        typeof(ClaimLine),
        typeof(PaymentCalculation),
        typeof(SubmittedClaim),
        typeof(PaymentWarning),
        typeof(FinanceExport),
        typeof(FinanceExportRow),
        typeof(ClaimAgeingBucket),
        typeof(ClaimAgeingReport),
        typeof(TaxYearTotal),
        typeof(CoProduction.Audit.AuditEntry),
        typeof(CoProduction.Audit.AuditEntryExport),
        typeof(CoProduction.Involvement.InvolvementMeasure),
        .. Involvement.InvolvementSamples.ResultTypes,
    ];

    private static readonly HashSet<string> RecordMembers = ["Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "<Clone>$"];

    public static TheoryData<string> EntryPoints()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Cases())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void EntryPoints_WalkReachesEveryAreasServices()
    {
        var cases = Cases().Select(c => c.Name).ToList();

        // If the walk's filters ever drop whole areas, the guard theory would pass vacuously: name one service per area.
        foreach (var service in new[] { "ParticipantService.", "PaymentService.", "ProgrammeService.", "CohortService.", "PanelService.", "ReviewSubmissionService.", "PanelMeetingService.", "ImprovementProjectService.", "AssessmentService." })
        {
            cases.Should().Contain(c => c.StartsWith(service, StringComparison.Ordinal), $"the walk must reach {service.TrimEnd('.')}");
        }

        cases.Should().HaveCountGreaterThan(500, "the walk must reach the public API as a whole");
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task EntryPoint_NullOrBlankArgument_ThrowsNamingTheParameter(string entryPoint)
    {
        var (_, check) = Cases().Single(c => c.Name == entryPoint);
        await check();
    }

    public static TheoryData<string> ServiceCommandsTakingText()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in ServiceCommands())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void ServiceCommandsTakingText_WalkReachesEveryArea()
    {
        var names = ServiceCommands().Select(c => c.Name).ToList();
        foreach (var service in new[] { "ParticipantService.", "PaymentService.", "ProgrammeService.", "CohortService.", "PanelService.", "ReviewSubmissionService.", "PanelMeetingService.", "ImprovementProjectService.", "AssessmentService.", "InvolvementFrameworkService." })
        {
            names.Should().Contain(c => c.StartsWith(service, StringComparison.Ordinal), $"the walk must reach {service.TrimEnd('.')}");
        }
    }

    /// <summary>
    /// A person who leaves several fields of one form blank hears of all of them at once, before the command looks
    /// anything up (the ids passed here name nothing that exists, so a lookup first would answer "not found").
    /// </summary>
    [Theory]
    [MemberData(nameof(ServiceCommandsTakingText))]
    public async Task ServiceCommand_EveryTextBlank_IsRefusedAsOneInvalidInputNamingEachField(string command)
    {
        var (_, method) = ServiceCommands().Single(c => c.Name == command);
        var parameters = method.GetParameters();
        var textFields = parameters.Where(p => p.ParameterType == typeof(string) && IsNonNullable(p)).Select(p => p.Name!).ToList();

        await using var host = TestHost.Create();
        await using var scope = host.Scope();
        var samples = new Samples(host, scope.ServiceProvider);
        var arguments = parameters.Select(p => p.ParameterType == typeof(string) && IsNonNullable(p) ? "   " : samples.For(p.ParameterType)).ToArray();

        var thrown = await CaptureAsync(() => method.Invoke(samples.For(method.DeclaringType!), arguments));

        thrown.Should().BeOfType<InvalidInputException>($"blank text must be refused as invalid input first; got {thrown?.GetType().Name}: {thrown?.Message}");
        ((InvalidInputException)thrown!).Errors.Keys.Should().Contain(textFields, "every blank field is reported in one refusal");
    }

    private static IEnumerable<(string Name, MethodInfo Method)> ServiceCommands() =>
        typeof(Participant).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && t.Name.EndsWith("Service", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(string) && IsNonNullable(p)))
            .Select(m => ($"{m.DeclaringType!.Name}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})", m))
            .OrderBy(c => c.Item1, StringComparer.Ordinal);

    private static async Task<Exception?> CaptureAsync(Func<object?> invoke)
    {
        try
        {
            var result = invoke();
            if (result is Task task)
            {
                await task;
            }
            else if (result is ValueTask valueTask)
            {
                await valueTask;
            }
            else if (result?.GetType() is { IsGenericType: true } resultType && resultType.GetGenericTypeDefinition() == typeof(ValueTask<>))
            {
                await (Task)resultType.GetMethod("AsTask")!.Invoke(result, null)!;
            }

            return null;
        }
        catch (TargetInvocationException ex)
        {
            return ex.InnerException;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static IEnumerable<(string Name, Func<Task> Check)> Cases()
    {
        var assembly = typeof(Participant).Assembly;
        foreach (var type in assembly.GetExportedTypes().Where(t => t is { IsInterface: false, IsEnum: false } && !ResultTypes.Contains(t) && !typeof(Delegate).IsAssignableFrom(t) && !typeof(IDomainEvent).IsAssignableFrom(t) && !t.IsGenericTypeDefinition).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var members = new List<MethodBase>();
            if (!type.IsAbstract)
            {
                members.AddRange(type.GetConstructors());
            }

            members.AddRange(type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && !m.IsGenericMethodDefinition && !RecordMembers.Contains(m.Name) && m.GetCustomAttribute<CompilerGeneratedAttribute>() is null));

            foreach (var member in members)
            {
                var parameters = member.GetParameters();
                for (var i = 0; i < parameters.Length; i++)
                {
                    var parameter = parameters[i];
                    if (parameter.ParameterType.IsValueType || !IsNonNullable(parameter) || parameter.ParameterType.IsByRef)
                    {
                        continue;
                    }

                    var name = $"{type.Name}.{(member is ConstructorInfo ? "ctor" : member.Name)}({string.Join(", ", parameters.Select(p => p.ParameterType.Name))}) #{parameter.Name}";
                    var index = i;
                    yield return (name + " null", () => ExpectRejectedAsync(member, index, null));
                    if (parameter.ParameterType == typeof(string) && !IsParsableParse(type, member))
                    {
                        yield return (name + " blank", () => ExpectRejectedAsync(member, index, "   "));
                    }
                }
            }
        }
    }

    /// <summary>
    /// <see cref="IParsable{TSelf}.Parse(string, IFormatProvider?)"/> refuses badly formed text with
    /// <see cref="FormatException"/> by contract (checked in the typed id tests); null still gets the walk.
    /// </summary>
    private static bool IsParsableParse(Type type, MethodBase member) =>
        member.Name == "Parse" && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>));

    /// <summary>
    /// Text that a program passes rather than a person types (an exception's code and message, an id's text to parse, a
    /// store provider's name, an actor's process name or stored text): a bad value is a bug, refused with <see cref="ArgumentException"/> as .NET does.
    /// </summary>
    private static bool IsForProgrammers(MethodBase member) =>
        typeof(Exception).IsAssignableFrom(member.DeclaringType) || IsParsableParse(member.DeclaringType!, member) || member.DeclaringType == typeof(CoProductionBuilder)
        || member.DeclaringType == typeof(CoProduction.Primitives.Actor);

    private static bool IsNonNullable(ParameterInfo parameter) =>
        new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.NotNull;

    private static async Task ExpectRejectedAsync(MethodBase member, int index, object? badValue)
    {
        await using var host = TestHost.Create();
        await using var scope = host.Scope();
        var samples = new Samples(host, scope.ServiceProvider);
        var parameters = member.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = i == index ? badValue : samples.For(parameters[i].ParameterType);
        }

        var thrown = await CaptureAsync(() => member is ConstructorInfo constructor
            ? constructor.Invoke(arguments)
            : member.Invoke(member.IsStatic ? null : samples.For(member.DeclaringType!), arguments));

        var parameterName = parameters[index].Name!;
        thrown.Should().NotBeNull($"passing {(badValue is null ? "null" : "a blank string")} as '{parameterName}' must be refused");
        if (parameters[index].ParameterType == typeof(string) && !IsForProgrammers(member))
        {
            // Text is what a person types: missing or blank text is invalid input, named by field, whatever the route.
            thrown.Should().BeOfType<InvalidInputException>($"missing text in '{parameterName}' is invalid input; got {thrown!.GetType().Name}: {thrown.Message}");
            ((InvalidInputException)thrown!).Errors.Keys.Should().Contain(k => k == parameterName || k == ToPascal(parameterName), $"the error must name the field; message was: {thrown.Message}");
        }
        else
        {
            // Any other null reference, or text a program passes, is a caller's bug.
            thrown.Should().BeAssignableTo<ArgumentException>($"a bad '{parameterName}' is a caller's mistake; got {thrown!.GetType().Name}: {thrown.Message}");
            if (badValue is null)
            {
                thrown.Should().BeOfType<ArgumentNullException>($"a null '{parameterName}' is a null reference");
            }

            ((ArgumentException)thrown!).ParamName.Should().BeOneOf([parameterName, ToPascal(parameterName)], $"the exception must name the parameter; message was: {thrown.Message}");
        }
    }

    private static string ToPascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>Valid sample values for the parameters that are not under test.</summary>
    private sealed class Samples(TestHost host, IServiceProvider services)
    {
        private readonly Participant _participant = Participant.Register(host.TrustA, "Patient partner A", [ParticipantRole.PatientPartner], host.Clock);

        public object? For(Type type)
        {
            if (type == typeof(string))
            {
                return "Partner";
            }

            if (type == typeof(CancellationToken))
            {
                return CancellationToken.None;
            }

            if (Nullable.GetUnderlyingType(type) is not null)
            {
                return null;
            }

            if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITypedId<>)))
            {
                return type.GetMethod("New", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null);
            }

            if (type.IsEnum)
            {
                return Enum.GetValues(type).GetValue(0);
            }

            if (type.IsValueType)
            {
                return type == typeof(TimeSpan) ? TimeSpan.FromHours(1)
                    : type == typeof(DateOnly) ? new DateOnly(2025, 5, 1)
                    : type == typeof(DateTimeOffset) ? TestHost.Start
                    : type == typeof(Guid) ? Guid.NewGuid()
                    : type == typeof(decimal) ? 1m
                    : type == typeof(int) ? 1
                    : type == typeof(double) ? 1d
                    : Activator.CreateInstance(type);
            }

            if (type == typeof(TimeProvider))
            {
                return host.Clock;
            }

            if (type == typeof(IServiceProvider))
            {
                return services;
            }

            if (type == typeof(Participant))
            {
                return _participant;
            }

            if (type == typeof(CoProduction.Primitives.IAggregateRoot))
            {
                return _participant;
            }

            if (type == typeof(CoProduction.Primitives.Actor))
            {
                return CoProduction.Primitives.Actor.ForSystemProcess("tests");
            }

            if (type == typeof(CoProduction.Storage.ChangeSet))
            {
                return CoProduction.Storage.ChangeSet.Create([CoProduction.Storage.AggregateChange.Add(_participant)], host.TrustA, CoProduction.Primitives.Actor.ForSystemProcess("tests"));
            }

            if (type == typeof(CoProduction.Storage.UniqueRule))
            {
                return CoProduction.Storage.UniqueRules.All[0];
            }

            if (type.IsByRef)
            {
                // An out parameter (TryParse): the method writes it; pass nothing in.
                return null;
            }

            if (Involvement.InvolvementSamples.For(type, host) is { } involvementSample)
            {
                return involvementSample;
            }

            if (Programmes.ProgrammeApiSamples.For(type, host.TrustA, host.Clock) is { } programmesSample)
            {
                return programmesSample;
            }

            if (type == typeof(InvolvementActivity))
            {
                return InvolvementActivity.Record(host.TrustA, _participant.Id, InvolvementActivityKind.Other, new DateOnly(2025, 5, 1), TimeSpan.FromHours(1), "Partner", "Meeting", null, host.Clock);
            }

            if (type == typeof(PaymentClaim))
            {
                return PaymentClaim.Submit(host.TrustA, _participant, [], [new Expense(ExpenseKind.Mileage, 1m, false, "Mileage")], new PaymentOptions(), host.Clock);
            }

            if (PeerReview.PeerReviewSamples.TryCreate(type) is { } peerReviewSample)
            {
                return peerReviewSample;
            }

            if (type == typeof(CoProductionBuilder))
            {
                return new ServiceCollection().AddCoProduction();
            }

            if (type == typeof(CoProduction.Involvement.Reporting.Gripp2Privacy))
            {
                return CoProduction.Involvement.Reporting.Gripp2Privacy.Internal;
            }

            if (type == typeof(ContactDetails))
            {
                return new ContactDetails("partner@example.org", null, null);
            }

            if (type.IsArray)
            {
                return Array.CreateInstance(type.GetElementType()!, 0);
            }

            if (type.IsGenericType && typeof(Delegate).IsAssignableFrom(type))
            {
                var invoke = type.GetMethod("Invoke")!;
                var lambdaParameters = invoke.GetParameters().Select(p => Expression.Parameter(p.ParameterType)).ToArray();
                Expression body = invoke.ReturnType == typeof(void) ? Expression.Empty() : Expression.Default(invoke.ReturnType);
                return Expression.Lambda(type, body, lambdaParameters).Compile();
            }

            if (type.IsGenericType && type.GetGenericArguments().Length == 1 && type.IsAssignableFrom(typeof(List<>).MakeGenericType(type.GetGenericArguments())))
            {
                return Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments()));
            }

            if (type.IsGenericType && type.GetGenericArguments().Length == 2 && type.IsAssignableFrom(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments())))
            {
                return Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments()));
            }

            if (type == typeof(IFormatProvider))
            {
                return System.Globalization.CultureInfo.InvariantCulture;
            }

            if (services.GetService(type) is { } service)
            {
                return service;
            }

            if (type.GetConstructor(Type.EmptyTypes) is not null)
            {
                return Activator.CreateInstance(type);
            }

            var constructor = type.GetConstructors().OrderBy(c => c.GetParameters().Length).FirstOrDefault()
                ?? throw new InvalidOperationException($"No sample for {type.FullName}: add one to PublicApiGuardTests.Samples.");
            return constructor.Invoke([.. constructor.GetParameters().Select(p => For(p.ParameterType))]);
        }
    }
}
