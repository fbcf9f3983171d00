using System.Globalization;

namespace CoProduction.People;

/// <summary>Words for people in messages a person may read, which never quote raw ids.</summary>
internal static class PeopleWords
{
    /// <summary>"one person present has", "3 people present have".</summary>
    internal static string Present(int count) =>
        count == 1 ? "one person present has" : string.Create(CultureInfo.InvariantCulture, $"{count} people present have");
}
