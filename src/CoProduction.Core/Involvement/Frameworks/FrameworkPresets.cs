namespace CoProduction.Involvement.Frameworks;

/// <summary>
/// The involvement frameworks shipped with the library, as reference data a trust copies into its own framework and
/// edits (<see cref="InvolvementFramework.Adopt"/>). Each preset provides one part: a ladder, standards or a life cycle.
/// Names of levels, standards and phases are those of the public sources; every description and indicator is written
/// in our own words, never the sources' wording. Each call returns a fresh instance.
/// </summary>
public static class FrameworkPresets
{
    /// <summary>The version of the preset content shipped with this release of the library.</summary>
    public const string PresetVersion = "1";

    private const string ProgressScaleId = "progress";

    /// <summary>Gets every preset, ladders first, then standards, then life cycles.</summary>
    public static IReadOnlyList<FrameworkDefinition> All =>
    [
        ArnsteinLadder, TlapLadderOfCoProduction, Iap2Spectrum, NhsEnglandLadder,
        UkStandardsForPublicInvolvement, FourPiStandards, ScieCoProductionPrinciples,
        ModelForImprovement, ExperienceBasedCoDesign,
    ];

    /// <summary>Gets Arnstein's ladder of citizen participation (1969): 8 rungs in 3 groups.</summary>
    public static FrameworkDefinition ArnsteinLadder => Ladder(
        "arnstein-ladder",
        "Arnstein's ladder of citizen participation",
        "Arnstein, S. R. (1969). A ladder of citizen participation. Journal of the American Institute of Planners, 35(4), 216-224. Descriptions are our own.",
        verified: true,
        [
            new("non-participation", "Non-participation", "Participation is staged to serve the powerholders."),
            new("tokenism", "Tokenism", "People may be heard but have no assurance their views will change anything."),
            new("citizen-power", "Citizen power", "People share in, or hold, real decision-making power."),
        ],
        [
            new("manipulation", "Manipulation", "People are placed on boards or panels to gain their backing, not to hear them.", "non-participation"),
            new("therapy", "Therapy", "The aim is to change how participants think or behave rather than to change the service.", "non-participation"),
            new("informing", "Informing", "People are told about plans and decisions, with no real route to answer back.", "tokenism"),
            new("consultation", "Consultation", "Views are asked for, through surveys or meetings, with no promise that they will count.", "tokenism"),
            new("placation", "Placation", "A few people get a seat or a voice, but the powerholders keep the final say.", "tokenism"),
            new("partnership", "Partnership", "Planning and decisions are shared through structures both sides agreed.", "citizen-power"),
            new("delegated-power", "Delegated power", "Citizens hold most of the decision-making power over a plan or service.", "citizen-power"),
            new("citizen-control", "Citizen control", "Citizens run the service or programme and decide how it works.", "citizen-power"),
        ],
        "informing");

    /// <summary>Gets the Think Local Act Personal ladder of co-production: 7 steps in 3 groups (doing to, doing for, doing with).</summary>
    public static FrameworkDefinition TlapLadderOfCoProduction => Ladder(
        "tlap-ladder",
        "TLAP ladder of co-production",
        "Think Local Act Personal (TLAP), ladder of co-production, building on Arnstein's ladder. Descriptions are our own.",
        verified: true,
        [
            new("doing-to", "Doing to", "Decisions are made for people, who are expected to accept them."),
            new("doing-for", "Doing for", "People are engaged and heard, but others hold the decisions."),
            new("doing-with", "Doing with", "People with lived experience and professionals work as equals."),
        ],
        [
            new("coercion", "Coercion", "People attend as passive recipients of decisions already made for them.", "doing-to"),
            new("educating", "Educating", "The aim is to help people understand the service as it is, not to change it.", "doing-to"),
            new("informing", "Informing", "People are told about services and decisions once they are made.", "doing-for"),
            new("consultation", "Consultation", "People are asked for their views but may never hear what was done with them.", "doing-for"),
            new("engagement", "Engagement", "People have more chances to give views and may sway some decisions, but do not hold them.", "doing-for"),
            new("co-design", "Co-design", "People help design the service from their experience and ideas, though not always through to delivery.", "doing-with"),
            new("co-production", "Co-production", "People with lived experience and professionals share power and responsibility from start to finish.", "doing-with"),
        ],
        "informing");

    /// <summary>Gets the IAP2 Spectrum of Public Participation: 5 levels.</summary>
    public static FrameworkDefinition Iap2Spectrum => Ladder(
        "iap2-spectrum",
        "IAP2 Spectrum of Public Participation",
        "International Association for Public Participation (IAP2), Spectrum of Public Participation. Level names only; descriptions are our own.",
        verified: true,
        [],
        [
            new("inform", "Inform", "Share plain, even-handed facts about the issue and the choices; no views are sought.", null),
            new("consult", "Consult", "Gather views on the choices being weighed; the decision stays with the organisation.", null),
            new("involve", "Involve", "Keep people in the process from the start, so that what matters to them is reflected in the options drawn up.", null),
            new("collaborate", "Collaborate", "Decide together: people and the organisation develop the options and agree the way forward jointly.", null),
            new("empower", "Empower", "The community affected holds the decision, and the organisation carries it out.", null),
        ],
        "inform");

    /// <summary>
    /// Gets the NHS England ladder of engagement and participation: 5 levels. Marked unverified: recalled from the
    /// 2013 guidance, not checked against the published text.
    /// </summary>
    public static FrameworkDefinition NhsEnglandLadder => Ladder(
        "nhs-england-ladder",
        "NHS England ladder of engagement and participation",
        "NHS England, ladder of engagement and participation, as recalled from its 2013 guidance on patient and public participation; NOT verified against the published text. Descriptions are our own.",
        verified: false,
        [],
        [
            new("informing", "Informing", "People receive information about services and decisions.", null),
            new("consulting", "Consulting", "People's views are gathered to inform decisions others take.", null),
            new("involving", "Involving", "People take part in discussions and their views help shape the work.", null),
            new("collaborating", "Collaborating", "People and the organisation work together and agree decisions jointly.", null),
            new("devolving", "Devolving", "Decisions, and the resources to act on them, are handed to the community.", null),
        ],
        "informing");

    /// <summary>Gets the UK Standards for Public Involvement (2019): 6 standards for self-assessment of improvement over time.</summary>
    public static FrameworkDefinition UkStandardsForPublicInvolvement => Standards(
        "uk-standards-public-involvement",
        "UK Standards for Public Involvement",
        "UK Standards for Public Involvement (2019), developed by NIHR with partners in the four UK nations; meant for self-assessment and improvement over time. Standard names are theirs; descriptions and indicators are our own.",
        [
            Standard("inclusive-opportunities", "Inclusive opportunities", "Involvement is open to, and reaches, the people the work affects.",
                ("ukspi-io-reach", "Opportunities are advertised widely and reach people who are seldom heard."),
                ("ukspi-io-barriers", "Barriers to taking part (cost, access, timing, format) are found and removed.")),
            Standard("working-together", "Working together", "People work together in ways that value everyone's contribution.",
                ("ukspi-wt-roles", "Roles, expectations and how decisions are made are agreed together at the start."),
                ("ukspi-wt-equal", "Lived experience is treated as expertise equal to professional knowledge.")),
            Standard("support-and-learning", "Support and learning", "People get the support and learning they need to take part well.",
                ("ukspi-sl-participants", "Participants are offered briefing, training and debriefing suited to their role."),
                ("ukspi-sl-staff", "Staff are helped to learn how to involve people well.")),
            Standard("communications", "Communications", "Communication is plain, accessible and goes both ways.",
                ("ukspi-co-plain", "Information is in plain language and accessible formats, free of jargon."),
                ("ukspi-co-feedback", "Participants are told what happened as a result of their input.")),
            Standard("impact", "Impact", "The difference involvement makes is noticed, recorded and shared.",
                ("ukspi-im-recorded", "The changes that involvement led to are recorded and shared."),
                ("ukspi-im-learning", "Learning from involvement changes how later work is done.")),
            Standard("governance", "Governance", "People with lived experience have a say in how the work is run.",
                ("ukspi-gv-decisions", "People with lived experience take part in decisions about how the work is governed."),
                ("ukspi-gv-resourced", "Involvement is planned, resourced and paid for from the start.")),
        ]);

    /// <summary>Gets the 4Pi National Involvement Standards: Principles, Purpose, Presence, Process, Impact.</summary>
    public static FrameworkDefinition FourPiStandards => Standards(
        "4pi-standards",
        "4Pi National Involvement Standards",
        "National Survivor User Network (NSUN), 4Pi National Involvement Standards. Standard names are theirs; descriptions and indicators are our own.",
        [
            Standard("principles", "Principles", "Involvement rests on shared values of respect and honesty.",
                ("4pi-principles-respect", "Relationships are built on respect, honesty and values everyone signed up to.")),
            Standard("purpose", "Purpose", "Everyone knows why people are involved and what can change.",
                ("4pi-purpose-clear", "The reason for involving people, and what is open to change, is clear to all.")),
            Standard("presence", "Presence", "The right people are involved, reflecting those who use the service.",
                ("4pi-presence-diverse", "The people involved reflect the range of those who use the service.")),
            Standard("process", "Process", "The way of working makes it easy to take part.",
                ("4pi-process-practical", "Meetings, payment and support are arranged so that people can take part fully.")),
            Standard("impact", "Impact", "Involvement makes a visible difference that is checked.",
                ("4pi-impact-evaluated", "Involvement is evaluated and its effect on decisions is visible.")),
        ]);

    /// <summary>Gets SCIE's co-production principles: Equality, Diversity, Accessibility, Reciprocity.</summary>
    public static FrameworkDefinition ScieCoProductionPrinciples => Standards(
        "scie-principles",
        "SCIE co-production principles",
        "Social Care Institute for Excellence (SCIE), principles of co-production. Principle names are theirs; descriptions and indicators are our own.",
        [
            Standard("equality", "Equality", "Everyone's knowledge and experience counts equally.",
                ("scie-equality-assets", "Everyone is seen as bringing knowledge and skills of equal worth.")),
            Standard("diversity", "Diversity", "A wide range of people take part.",
                ("scie-diversity-reach", "A wide range of people is actively sought and included.")),
            Standard("accessibility", "Accessibility", "Everyone can take part on equal terms.",
                ("scie-accessibility-support", "People have what they need to take part fully: information, venues, technology and support.")),
            Standard("reciprocity", "Reciprocity", "People get something back for what they give.",
                ("scie-reciprocity-return", "People are recognised and rewarded for what they give: payment, learning or new roles.")),
        ]);

    /// <summary>Gets the Model for Improvement with Plan-Do-Study-Act cycles: 7 phases.</summary>
    public static FrameworkDefinition ModelForImprovement => LifeCycle(
        "model-for-improvement",
        "Model for Improvement with PDSA cycles",
        "Langley, G. J. et al., The Improvement Guide (Associates in Process Improvement), as promoted by the Institute for Healthcare Improvement (IHI). Descriptions are our own.",
        [
            new("aim", "Aim", "Agree what the project is trying to achieve, for whom and by when.", true),
            new("measures", "Measures", "Decide how the team will know that a change is an improvement.", false),
            new("changes", "Changes", "Choose the changes expected to lead to improvement.", false),
            new("plan", "Plan", "Plan a test of change, with predictions of what will happen.", false),
            new("do", "Do", "Run the test on a small scale and record what happens.", false),
            new("study", "Study", "Compare the results with the predictions and learn from the difference.", false),
            new("act", "Act", "Adopt, adapt or abandon the change, and plan the next cycle.", false),
        ]);

    /// <summary>Gets Experience-Based Co-Design: 6 stages.</summary>
    public static FrameworkDefinition ExperienceBasedCoDesign => LifeCycle(
        "experience-based-co-design",
        "Experience-Based Co-Design",
        "Bate, P. and Robert, G. (2007). Bringing user experience to healthcare improvement; The Point of Care Foundation's EBCD toolkit. Descriptions are our own.",
        [
            new("set-up", "Set up", "Form the project group, agree the care pathway to look at and win support.", true),
            new("staff-experience", "Staff experience", "Gather staff views of the service through observation and interviews.", false),
            new("patient-experience", "Patient experience", "Record patient and carer stories, pick out emotional touchpoints and edit a trigger film.", true),
            new("joint-event", "Joint co-design event", "Staff, patients and carers watch the film together and agree shared priorities.", false),
            new("co-design-groups", "Small co-design groups", "Small mixed groups work on each priority to design and test improvements.", false),
            new("celebrate-and-review", "Celebrate and review", "Share what changed, thank those involved and plan how to keep it going.", false),
        ]);

    private static FrameworkDefinition Ladder(string id, string name, string source, bool verified, LevelGroup[] groups, LadderLevel[] levels, string informingLevelId) =>
        new(id, name, PresetVersion, source, verified, groups, levels, informingLevelId, [], [], []);

    private static FrameworkDefinition Standards(string id, string name, string source, InvolvementStandard[] standards) =>
        new(id, name, PresetVersion, source, true, [], [], null, [ProgressScale()], standards, []);

    private static FrameworkDefinition LifeCycle(string id, string name, string source, LifeCyclePhase[] phases) =>
        new(id, name, PresetVersion, source, true, [], [], null, [], [], phases);

    private static InvolvementStandard Standard(string id, string name, string description, params (string Id, string Text)[] indicators) =>
        new(id, name, description, 1, [.. indicators.Select(i => new StandardIndicator(i.Id, i.Text, 1, ProgressScaleId))]);

    private static RatingScale ProgressScale() => new(
        ProgressScaleId,
        "How far this is in place",
        [
            new(0, "Not in place"),
            new(1, "Starting"),
            new(2, "Partly in place"),
            new(3, "Fully in place"),
        ]);
}
