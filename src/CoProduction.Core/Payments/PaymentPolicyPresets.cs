namespace CoProduction.Payments;

/// <summary>
/// Payment policies as data, each with its source, address and date: every call returns a new, editable copy. Copy
/// one into the options (<see cref="PaymentOptions.UsePolicy"/>) and change what your organisation's written policy
/// says; the presets are starting points, not advice on what to pay.
/// </summary>
/// <remarks>
/// Each preset prices one role level or task per rate; activities name it as their role level. The mileage rates are
/// HM Revenue and Customs' approved mileage allowance payment rates as many NHS involvement policies quote them
/// (45p a mile by car, 25p after a threshold, 5p a passenger, 24p by motorcycle, 20p by bicycle), with the taper set
/// per claim at 100 miles as the example in issue 15; HMRC's own threshold is 10,000 business miles a tax year.
/// </remarks>
public static class PaymentPolicyPresets
{
    /// <summary>The date from which the presets without a dated source take effect (6 April 2020): a placeholder to edit.</summary>
    public static readonly DateOnly PlaceholderDate = new(2020, 4, 6);

    /// <summary>The role level of the day and half-day presets.</summary>
    public const string PartnerLevel = "Partner";

    /// <summary>The task of NICE's one-off document review.</summary>
    public const string DocumentReview = "Document review";

    /// <summary>The tasks of the activity-based table.</summary>
    public static readonly IReadOnlyList<string> ActivityTasks = ["Review and comment", "Co-drafting", "Meeting with preparation", "Speaking"];

    /// <summary>
    /// NHS England-style patient and public voice (PPV) partner Level 4: 150.00 for 4 hours or more, 75.00 under 4
    /// hours (exactly 4 hours is a full day), as NHS bodies quote NHS England's October 2021 policy.
    /// </summary>
    /// <returns>A new copy, in force from 20 October 2021.</returns>
    public static PaymentPolicy NhsEnglandPpvLevel4()
    {
        var version = DayVersion(new DateOnly(2021, 10, 20), boundaryInUpperBand: true);
        version.Rates.Add(new RoleRate { RoleLevel = PartnerLevel, HalfDayRate = 75.00m, FullDayRate = 150.00m });
        return Policy(
            "NHS England-style PPV partner Level 4",
            "NHS England, Working with our patient and public voice (PPV) partners: reimbursing expenses and paying involvement payments, version 3",
            null,
            new DateOnly(2021, 10, 20),
            "Figures as NHS bodies quote the policy (150.00 for 4 hours or more, 75.00 under 4 hours); check the current NHS England policy before use.",
            version);
    }

    /// <summary>
    /// NICE lay-member style: 150.00 per full-day meeting of 4 hours or longer, 75.00 per half-day meeting shorter than
    /// 4 hours (exactly 4 hours is a full day), and a one-off document review at 25.00.
    /// </summary>
    /// <returns>A new copy.</returns>
    public static PaymentPolicy NiceLayMember()
    {
        var version = DayVersion(PlaceholderDate, boundaryInUpperBand: true);
        version.Rates.Add(new RoleRate { RoleLevel = PartnerLevel, HalfDayRate = 75.00m, FullDayRate = 150.00m });
        version.Rates.Add(new RoleRate { RoleLevel = DocumentReview, FlatFee = 25.00m });
        return Policy(
            "NICE lay-member style",
            "NICE, Lay member payments and expenses; NICE, Getting involved as someone with lived experience: payments and expenses",
            "https://www.nice.org.uk/get-involved/our-committees/what-lay-members-do/lay-member-payments-and-expenses",
            null,
            "The pages are undated; the version takes effect on 6 April 2020 only as a placeholder date to edit. NICE's newer lived-experience page puts exactly 4 hours in the lower band (set BoundaryInUpperBand to false to follow it). NICE pays within 3 weeks.",
            version,
            paymentTargetDays: 21);
    }

    /// <summary>A per-block policy: 20.00 for each 3 hours or part of 3 hours.</summary>
    /// <returns>A new copy.</returns>
    public static PaymentPolicy PerBlock()
    {
        var version = new PaymentPolicyVersion { EffectiveFrom = PlaceholderDate, BillingBlockMinutes = 180 };
        version.Rates.Add(new RoleRate { RoleLevel = PartnerLevel, RatePerBlock = 20.00m });
        AddMileage(version);
        return Policy(
            "Per-block (20.00 per 3 hours or part)",
            "CoProduction.Core issue 15 (an example of the policy shape, not a published rate card)",
            null,
            new DateOnly(2026, 12, 7),
            "Illustrative: no published source was found for these figures; set your organisation's rate.",
            version);
    }

    /// <summary>An activity-based table: a flat fee per task (review and comment, co-drafting, meeting with preparation, speaking).</summary>
    /// <returns>A new copy.</returns>
    public static PaymentPolicy ActivityBased()
    {
        var version = new PaymentPolicyVersion { EffectiveFrom = PlaceholderDate };
        version.Rates.Add(new RoleRate { RoleLevel = "Review and comment", FlatFee = 25.00m });
        version.Rates.Add(new RoleRate { RoleLevel = "Co-drafting", FlatFee = 50.00m });
        version.Rates.Add(new RoleRate { RoleLevel = "Meeting with preparation", FlatFee = 75.00m });
        version.Rates.Add(new RoleRate { RoleLevel = "Speaking", FlatFee = 100.00m });
        AddMileage(version);
        return Policy(
            "Activity-based table",
            "CoProduction.Core issue 15 (an example of the policy shape, not a published rate card)",
            null,
            new DateOnly(2026, 12, 7),
            "Illustrative: only 'Review and comment' matches a published figure (NICE's 25.00 one-off document review); the other fees are placeholders to set from your organisation's policy.",
            version);
    }

    /// <summary>Every preset, each a new copy.</summary>
    /// <returns>The presets.</returns>
    public static IReadOnlyList<PaymentPolicy> All() => [NhsEnglandPpvLevel4(), NiceLayMember(), PerBlock(), ActivityBased()];

    private static PaymentPolicyVersion DayVersion(DateOnly effectiveFrom, bool boundaryInUpperBand)
    {
        var version = new PaymentPolicyVersion
        {
            EffectiveFrom = effectiveFrom,
            HalfDayFromHours = 0m,
            FullDayFromHours = 4m,
            BoundaryInUpperBand = boundaryInUpperBand,
        };
        AddMileage(version);
        return version;
    }

    private static void AddMileage(PaymentPolicyVersion version)
    {
        version.Mileage.CarRatePerMile = 0.45m;
        version.Mileage.TaperAfterMiles = 100m;
        version.Mileage.CarRateAfterTaper = 0.25m;
        version.Mileage.PassengerRatePerMile = 0.05m;
        version.Mileage.MotorcycleRatePerMile = 0.24m;
        version.Mileage.BicycleRatePerMile = 0.20m;
    }

    private static PaymentPolicy Policy(string name, string sourceName, string? sourceUrl, DateOnly? sourceDate, string sourceNote, PaymentPolicyVersion version, int? paymentTargetDays = null)
    {
        var policy = new PaymentPolicy
        {
            Name = name,
            SourceName = sourceName,
            SourceUrl = sourceUrl,
            SourceDate = sourceDate,
            SourceNote = sourceNote,
            PaymentTargetDays = paymentTargetDays,
        };
        policy.Versions.Add(version);
        return policy;
    }
}
