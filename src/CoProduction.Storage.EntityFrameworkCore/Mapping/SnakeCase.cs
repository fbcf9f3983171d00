using System.Globalization;
using System.Text;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>Turns names such as <c>FullName</c>, <c>Contact_Email</c> or <c>IX_participants_OrganisationId</c> into snake_case.</summary>
internal static class SnakeCase
{
    internal static string From(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '_';
                var next = i + 1 < name.Length ? name[i + 1] : '_';
                var startsWord = previous != '_' && (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)));
                if (startsWord)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
