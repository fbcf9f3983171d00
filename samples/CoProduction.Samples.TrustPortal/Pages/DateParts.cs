using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoProduction.Samples.TrustPortal.Pages;

/// <summary>A date as the NHS.UK date input takes it: day, month and year in three boxes.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public static DateParts Of(DateOnly date) => new()
    {
        Day = date.Day.ToString(CultureInfo.InvariantCulture),
        Month = date.Month.ToString(CultureInfo.InvariantCulture),
        Year = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Reads the date, or adds an error against its day box (where the error summary links) and returns null.</summary>
    public DateOnly? Read(ModelStateDictionary modelState, string field, string which)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var key = $"{field}.{nameof(Day)}";
        if (string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year))
        {
            modelState.AddModelError(key, $"Enter the {which} date");
            return null;
        }

        if (int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 2000 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        modelState.AddModelError(key, $"The {which} date must be a real date, such as 4 3 2026");
        return null;
    }
}
