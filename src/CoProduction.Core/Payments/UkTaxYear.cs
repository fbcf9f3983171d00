using System.Globalization;

namespace CoProduction.Payments;

/// <summary>A UK tax year: 6 April to 5 April the next year, named by its first year ("2025-26").</summary>
/// <param name="StartYear">The calendar year in which it starts.</param>
public readonly record struct UkTaxYear(int StartYear)
{
    /// <summary>Gets the first day, 6 April.</summary>
    public DateOnly Start => new(StartYear, 4, 6);

    /// <summary>Gets the last day, 5 April the next year.</summary>
    public DateOnly End => new(StartYear + 1, 4, 5);

    /// <summary>The tax year holding a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Its tax year: from 6 April the date's year, else the year before.</returns>
    public static UkTaxYear Of(DateOnly date) => new(date >= new DateOnly(date.Year, 4, 6) ? date.Year : date.Year - 1);

    /// <summary>Whether a date falls in this tax year.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when it is from <see cref="Start"/> to <see cref="End"/>.</returns>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartYear}-{(StartYear + 1) % 100:00}");
}
