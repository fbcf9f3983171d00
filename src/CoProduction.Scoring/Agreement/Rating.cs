namespace CoProduction.Scoring;

/// <summary>One value given by one coder (reviewer) to one unit (submission) on one criterion.</summary>
/// <typeparam name="TCriterion">The criterion's key (for example a review criterion id).</typeparam>
/// <typeparam name="TUnit">The unit's key (for example a submission id).</typeparam>
/// <typeparam name="TCoder">The coder's key (for example a reviewer's participant id).</typeparam>
/// <param name="Criterion">The criterion rated.</param>
/// <param name="Unit">The unit rated.</param>
/// <param name="Coder">Who rated it.</param>
/// <param name="Value">The rating; <see cref="double.NaN"/> counts as no rating.</param>
public readonly record struct Rating<TCriterion, TUnit, TCoder>(TCriterion Criterion, TUnit Unit, TCoder Coder, double Value)
    where TCriterion : notnull
    where TUnit : notnull
    where TCoder : notnull;
