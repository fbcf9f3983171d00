using CoProduction.Primitives;
using FluentAssertions.Specialized;

namespace CoProduction.Core.Tests.TestSupport;

/// <summary>Assertions that a command was refused as invalid input, naming a field.</summary>
internal static class InputAssertions
{
    /// <summary>Asserts that the action throws <see cref="InvalidInputException"/> with an error for <paramref name="field"/>.</summary>
    public static ExceptionAssertions<InvalidInputException> ThrowInvalidInput<TDelegate, TAssertions>(this DelegateAssertions<TDelegate, TAssertions> assertions, string field)
        where TDelegate : Delegate
        where TAssertions : DelegateAssertions<TDelegate, TAssertions>
    {
        var thrown = assertions.Throw<InvalidInputException>();
        thrown.Which.Errors.Should().ContainKey(field);
        return thrown;
    }

    /// <summary>Asserts that the task throws <see cref="InvalidInputException"/> with an error for <paramref name="field"/>.</summary>
    public static async Task<ExceptionAssertions<InvalidInputException>> ThrowInvalidInputAsync<TTask>(this GenericAsyncFunctionAssertions<TTask> assertions, string field)
    {
        var thrown = await assertions.ThrowAsync<InvalidInputException>();
        thrown.Which.Errors.Should().ContainKey(field);
        return thrown;
    }

    /// <summary>Asserts that the task throws <see cref="InvalidInputException"/> with an error for <paramref name="field"/>.</summary>
    public static async Task<ExceptionAssertions<InvalidInputException>> ThrowInvalidInputAsync(this NonGenericAsyncFunctionAssertions assertions, string field)
    {
        var thrown = await assertions.ThrowAsync<InvalidInputException>();
        thrown.Which.Errors.Should().ContainKey(field);
        return thrown;
    }
}
