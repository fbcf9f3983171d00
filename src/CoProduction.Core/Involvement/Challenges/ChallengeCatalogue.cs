namespace CoProduction.Involvement.Challenges;

/// <summary>The challenges of involving patients and carers in improvement work.</summary>
public enum ChallengeKind
{
    /// <summary>Involvement for show: people are asked, but nothing they say can change the work.</summary>
    Tokenism,

    /// <summary>Staff hold the decisions, the information and the agenda.</summary>
    PowerImbalance,

    /// <summary>The same few patient partners are asked to do everything.</summary>
    OverRelianceOnFewPeople,

    /// <summary>Patient partners and carers wear out from too many demands or too little support.</summary>
    Burnout,

    /// <summary>People wait too long to be paid for their time or expenses.</summary>
    PaymentDelays,

    /// <summary>Improvement and clinical jargon shuts people out.</summary>
    Jargon,

    /// <summary>The people involved do not reflect those who use the service.</summary>
    Representativeness,

    /// <summary>People without devices, data or confidence online are left out.</summary>
    DigitalExclusion,

    /// <summary>People never hear what was done with their input ("you said, we did").</summary>
    NoFeedbackToParticipants,

    /// <summary>Involvement stops when the project ends, so the change is not sustained with patients.</summary>
    InvolvementStopsAtProjectEnd,
}

/// <summary>The rules that detect challenges from the data.</summary>
public enum ChallengeRule
{
    /// <summary>A patient partner or carer is on the team of more active projects than <see cref="InvolvementOptions.MaxActiveProjectsPerPartner"/>.</summary>
    PartnerOnTooManyActiveProjects,

    /// <summary>A payment claim is still unpaid after <see cref="Payments.PaymentOptions.PaymentTargetDays"/>.</summary>
    PaymentClaimOverdue,

    /// <summary>The project has moved past the phases that define the problem without involving patients or carers in them.</summary>
    NoPatientInvolvementInProblemDefinition,

    /// <summary>Every involvement of patients or carers recorded is at or below the framework's informing level.</summary>
    InvolvementOnlyAtInforming,

    /// <summary>People involved were not told what came of it within <see cref="InvolvementOptions.FeedbackDueWithinDays"/>.</summary>
    NoFeedbackWithinDays,

    /// <summary>The project closed at least <see cref="InvolvementOptions.PostClosureCheckAfterDays"/> ago and no involvement has been recorded since.</summary>
    NoInvolvementAfterClosure,
}

/// <summary>A challenge, in our own words, with ways to mitigate it and the rules that detect it (if any can from the data).</summary>
/// <param name="Kind">The challenge.</param>
/// <param name="Name">A short name.</param>
/// <param name="Description">What it looks like.</param>
/// <param name="Mitigations">Ways to prevent or reduce it.</param>
/// <param name="DetectedBy">The rules that detect it; empty when it can only be spotted by people (for example jargon).</param>
public sealed record Challenge(ChallengeKind Kind, string Name, string Description, IReadOnlyList<string> Mitigations, IReadOnlyList<ChallengeRule> DetectedBy);

/// <summary>The catalogue of challenges and mitigations, written in our own words from the experience the library was built from.</summary>
public static class ChallengeCatalogue
{
    /// <summary>Gets every challenge, in the order of <see cref="ChallengeKind"/>.</summary>
    public static IReadOnlyList<Challenge> All { get; } =
    [
        new(ChallengeKind.Tokenism, "Tokenism", "Patients are invited to comment when the decisions have already been made, or only to be told about them.",
            [
                "Involve patients and carers from the start, when the problem and aim are being defined.",
                "Agree beforehand what is open to change and what is not, and say so honestly.",
                "Plan a level of involvement for each phase and compare what happened with the plan.",
            ],
            [ChallengeRule.NoPatientInvolvementInProblemDefinition, ChallengeRule.InvolvementOnlyAtInforming]),
        new(ChallengeKind.PowerImbalance, "Power imbalance", "Staff set the agenda, hold the data and make the decisions; patients feel like guests.",
            [
                "Put patients and carers on the core team with the same papers, votes and roles as staff.",
                "Share the chairing of meetings and co-write the agenda.",
                "Give patient partners the data and the time to make sense of it before decisions are taken.",
            ],
            [ChallengeRule.NoPatientInvolvementInProblemDefinition]),
        new(ChallengeKind.OverRelianceOnFewPeople, "Over-reliance on the same few people", "A small group of experienced partners is asked onto every project.",
            [
                "Keep a wider pool of people and recruit through community groups, not only existing networks.",
                "Set a limit on how many projects one person is asked to join at once.",
                "Pair new partners with experienced ones so that experience spreads.",
            ],
            [ChallengeRule.PartnerOnTooManyActiveProjects]),
        new(ChallengeKind.Burnout, "Burnout", "Partners and carers take on more than they can sustain, often around their own health or caring.",
            [
                "Check in regularly about workload and wellbeing, and make it easy to step back.",
                "Offer debriefs after difficult sessions and a named person to contact.",
                "Spread the work across more people.",
            ],
            [ChallengeRule.PartnerOnTooManyActiveProjects]),
        new(ChallengeKind.PaymentDelays, "Payment delays", "People are left out of pocket while claims wait for approval or payment.",
            [
                "Agree the payment policy before involvement starts and explain it in plain words.",
                "Approve and pay claims to a published target, and chase those that pass it.",
                "Offer to book travel in advance so that nobody pays up front.",
            ],
            [ChallengeRule.PaymentClaimOverdue]),
        new(ChallengeKind.Jargon, "Jargon", "Improvement and clinical terms (PDSA, run charts, acronyms) make people feel they do not belong.",
            [
                "Keep a shared glossary and ban unexplained acronyms in meetings.",
                "Ask patient partners to review papers for plain language before they go out.",
                "Offer short, practical training in improvement methods to everyone on the team.",
            ],
            []),
        new(ChallengeKind.Representativeness, "Representativeness", "The people involved do not reflect the age, ethnicity, disability or experience of those who use the service.",
            [
                "Compare who is involved with who uses the service, with consent, and act on the gaps.",
                "Go to where people already are: community groups, clinics, faith and voluntary groups.",
                "Offer several ways to take part, at different times and places.",
            ],
            []),
        new(ChallengeKind.DigitalExclusion, "Digital exclusion", "Online-only meetings and surveys leave out people without devices, data, skills or confidence.",
            [
                "Offer in-person, telephone and paper options alongside online ones.",
                "Lend devices or pay for data where needed, and offer help to get online.",
                "Test materials with people who rarely go online.",
            ],
            []),
        new(ChallengeKind.NoFeedbackToParticipants, "No feedback to participants", "People give their time and views but never hear what changed as a result.",
            [
                "Close the loop after every activity with a short \"you said, we did\" note.",
                "Explain honestly what was not changed, and why.",
                "Record when feedback was given, and follow up when it is late.",
            ],
            [ChallengeRule.NoFeedbackWithinDays]),
        new(ChallengeKind.InvolvementStopsAtProjectEnd, "Involvement stops when the project ends", "Patients shape the change, but nobody involves them in checking that it lasts.",
            [
                "Plan how patients will stay involved in monitoring the change after the project closes.",
                "Review the measures with patient partners at set points after closure.",
                "Hand the involvement over to the service's own patient forum or panel.",
            ],
            [ChallengeRule.NoInvolvementAfterClosure]),
    ];

    /// <summary>Gets a challenge by kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The challenge.</returns>
    public static Challenge Get(ChallengeKind kind) => All.FirstOrDefault(c => c.Kind == kind)
        ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "There is no challenge of that kind.");

    /// <summary>Gets the challenges a rule detects.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The challenges, in catalogue order.</returns>
    public static IReadOnlyList<Challenge> DetectedBy(ChallengeRule rule) => [.. All.Where(c => c.DetectedBy.Contains(rule))];
}
