using CoProduction.People;
using Ardalis.GuardClauses;
using CoProduction.Primitives;
using CoProduction.Programmes.Events;

namespace CoProduction.Programmes;

/// <summary>
/// A co-production training programme (such as "Co-Production for Improvement"): its published curriculum versions,
/// each with the record of who co-designed it, and the delivery rules, attendance statuses and completion criteria
/// the trust has set for cohorts planned from now on.
/// </summary>
public sealed class Programme : AggregateRoot<ProgrammeId>
{
    private readonly List<CurriculumVersion> _versions = [];
    private readonly List<AttendanceStatusDefinition> _attendanceStatuses = [];
    private readonly List<CompletionCriterion> _completionCriteria = [];

    private Programme(ProgrammeId id, OrganisationId organisationId, string name, string purpose, DateTimeOffset createdAt)
        : base(id, organisationId)
    {
        Name = name;
        Purpose = purpose;
        CreatedAt = createdAt;
        DeliveryRules = DeliveryRules.Default;
        _attendanceStatuses.AddRange(AttendanceStatusDefinition.DefaultSet);
        CompletionCombination = CompletionPolicy.Default.Combination;
        _completionCriteria.AddRange(CompletionPolicy.Default.Criteria);
    }

    private Programme()
    {
        Name = string.Empty;
        Purpose = string.Empty;
        DeliveryRules = DeliveryRules.Default;
    }

    /// <summary>Gets the programme's name.</summary>
    public string Name { get; private set; }

    /// <summary>Gets what the programme is for.</summary>
    public string Purpose { get; private set; }

    /// <summary>Gets when the programme was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Gets the published curriculum versions, oldest first.</summary>
    public IReadOnlyList<CurriculumVersion> Versions => _versions;

    /// <summary>Removes an erased co-designer's words from every version; returns whether anything changed.</summary>
    internal bool RemovePersonalText(ParticipantId participantId)
    {
        var changed = false;
        foreach (var version in _versions)
        {
            changed |= version.RemovePersonalText(participantId);
        }

        return changed;
    }

    /// <summary>Gets the newest published curriculum version, or <see langword="null"/> before the first is published.</summary>
    public CurriculumVersion? CurrentVersion => _versions.Count == 0 ? null : _versions[^1];

    /// <summary>Gets the delivery rules for cohorts planned from now on.</summary>
    public DeliveryRules DeliveryRules { get; private set; }

    /// <summary>Gets the attendance statuses for cohorts planned from now on.</summary>
    public IReadOnlyList<AttendanceStatusDefinition> AttendanceStatuses => _attendanceStatuses;

    /// <summary>Gets how the completion criteria combine.</summary>
    public CompletionCombination CompletionCombination { get; private set; }

    /// <summary>Gets the completion criteria for cohorts planned from now on.</summary>
    public IReadOnlyList<CompletionCriterion> CompletionCriteria => _completionCriteria;

    /// <summary>Gets the completion policy (combination and criteria) for cohorts planned from now on.</summary>
    public CompletionPolicy CompletionPolicy => new(CompletionCombination, _completionCriteria);

    /// <summary>Creates a programme with the default delivery rules, attendance statuses and completion policy, and no curriculum yet.</summary>
    /// <param name="organisationId">The organisation that runs it.</param>
    /// <param name="name">Its name.</param>
    /// <param name="purpose">What it is for.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new programme, to be added to the store.</returns>
    internal static Programme Create(OrganisationId organisationId, string name, string purpose, TimeProvider clock)
    {
        Input.Required(name);
        Input.Required(purpose);
        Guard.Against.Null(clock);
        var now = clock.GetUtcNow();
        var programme = new Programme(ProgrammeId.New(), organisationId, name.Trim(), purpose.Trim(), now);
        programme.Raise(new ProgrammeCreated(programme.Id, now));
        return programme;
    }

    /// <summary>
    /// Publishes a new curriculum version, numbered one after the newest. Earlier versions, and the cohorts that run
    /// them, are not changed. At least one co-designer must bring lived experience.
    /// </summary>
    /// <param name="summaryOfChanges">What changed and why (for the first version, what it is).</param>
    /// <param name="modules">The modules in teaching order (at least one; codes unique).</param>
    /// <param name="coDesigners">Who co-designed the version (each participant once).</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The published version.</returns>
    /// <exception cref="ArgumentException">There is no module, a module code repeats or a co-designer appears twice.</exception>
    /// <exception cref="DomainRuleViolationException">No co-designer brings lived experience (<see cref="ProgrammeErrorCodes.CoDesignNeedsLivedExperience"/>).</exception>
    internal CurriculumVersion PublishVersion(string summaryOfChanges, IEnumerable<CurriculumModule> modules, IEnumerable<CoDesignContribution> coDesigners, TimeProvider clock)
    {
        Input.Required(summaryOfChanges);
        Guard.Against.Null(modules);
        Guard.Against.Null(coDesigners);
        Guard.Against.Null(clock);
        var moduleList = modules.ToList();
        if (moduleList.Count == 0 || moduleList.Any(m => m is null))
        {
            throw new InvalidInputException(nameof(modules), "A curriculum version needs at least one module and no null entries.");
        }

        var repeatedCode = moduleList.GroupBy(m => m.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeatedCode is not null)
        {
            throw new InvalidInputException(nameof(modules), $"Module code '{repeatedCode.Key}' is used more than once: give each module its own code.");
        }

        var designerList = coDesigners.ToList();
        if (designerList.Any(d => d is null))
        {
            throw new InvalidInputException(nameof(coDesigners), "The co-design record contains a null entry.");
        }

        var repeatedDesigner = designerList.GroupBy(d => d.ParticipantId).FirstOrDefault(g => g.Count() > 1);
        if (repeatedDesigner is not null)
        {
            throw new InvalidInputException(nameof(coDesigners), $"Participant {repeatedDesigner.Key} appears more than once in the co-design record: list each co-designer once, with everything they shaped.");
        }

        foreach (var designer in designerList)
        {
            Input.Id(designer.ParticipantId, nameof(coDesigners));
            Input.Defined(designer.Perspective, nameof(coDesigners));
        }

        var number = _versions.Count + 1;
        Rule.Require(
            designerList.Any(d => d.Perspective == CoDesignPerspective.LivedExperience),
            ProgrammeErrorCodes.CoDesignNeedsLivedExperience,
            $"Version {number} of '{Name}' has no co-designer with lived experience, so it was not co-designed. Add the patients, carers, service users or community members who shaped it to the co-design record.");

        var now = clock.GetUtcNow();
        var version = new CurriculumVersion(number, summaryOfChanges.Trim(), moduleList, designerList, now);
        _versions.Add(version);
        Raise(new CurriculumVersionPublished(Id, number, now));
        return version;
    }

    /// <summary>Finds a published version by number.</summary>
    /// <param name="number">The version number.</param>
    /// <returns>The version, or <see langword="null"/> when there is none with that number.</returns>
    public CurriculumVersion? FindVersion(int number) => _versions.Find(v => v.Number == number);

    /// <summary>Gets a published version by number, refusing one that does not exist.</summary>
    /// <param name="number">The version number.</param>
    /// <returns>The version.</returns>
    /// <exception cref="DomainRuleViolationException">There is no such version (<see cref="ProgrammeErrorCodes.CurriculumVersionNotFound"/>).</exception>
    public CurriculumVersion GetVersion(int number)
    {
        var version = FindVersion(number);
        Rule.Require(
            version is not null,
            ProgrammeErrorCodes.CurriculumVersionNotFound,
            _versions.Count == 0
                ? $"'{Name}' has no published curriculum yet, so there is no version {number}. Publish a version with ProgrammeService.PublishVersionAsync first."
                : $"'{Name}' has no curriculum version {number}: choose one of 1 to {_versions.Count}.");
        return version!;
    }

    /// <summary>Sets the delivery rules for cohorts planned from now on; cohorts already planned keep theirs.</summary>
    /// <param name="rules">The rules.</param>
    /// <param name="clock">The clock.</param>
    internal void ChangeDeliveryRules(DeliveryRules rules, TimeProvider clock)
    {
        Guard.Against.Null(rules);
        Guard.Against.Null(clock);
        if (rules == DeliveryRules)
        {
            return;
        }

        DeliveryRules = rules;
        Raise(new ProgrammeSettingsChanged(Id, "delivery-rules", clock.GetUtcNow()));
    }

    /// <summary>Sets the attendance statuses (and their weights) for cohorts planned from now on.</summary>
    /// <param name="statuses">The statuses: at least one, codes unique.</param>
    /// <param name="clock">The clock.</param>
    internal void ChangeAttendanceStatuses(IEnumerable<AttendanceStatusDefinition> statuses, TimeProvider clock)
    {
        Guard.Against.Null(statuses);
        Guard.Against.Null(clock);
        var list = AttendanceStatusDefinition.ValidateSet(statuses, nameof(statuses));
        _attendanceStatuses.Clear();
        _attendanceStatuses.AddRange(list);
        Raise(new ProgrammeSettingsChanged(Id, "attendance-statuses", clock.GetUtcNow()));
    }

    /// <summary>Sets the completion policy for cohorts planned from now on.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="clock">The clock.</param>
    internal void ChangeCompletionPolicy(CompletionPolicy policy, TimeProvider clock)
    {
        Guard.Against.Null(policy);
        Guard.Against.Null(clock);
        CompletionCombination = policy.Combination;
        _completionCriteria.Clear();
        _completionCriteria.AddRange(policy.Criteria);
        Raise(new ProgrammeSettingsChanged(Id, "completion-policy", clock.GetUtcNow()));
    }
}
