using CoProduction.Primitives;
using Ardalis.GuardClauses;
using CoProduction.People;

namespace CoProduction.Programmes;

/// <summary>How a module is delivered.</summary>
public enum DeliveryMode
{
    /// <summary>Everyone in the same room.</summary>
    InPerson,

    /// <summary>On a video call.</summary>
    Online,

    /// <summary>Some in the room, some online.</summary>
    Hybrid,
}

/// <summary>
/// One module of a curriculum version: what it covers, what participants should be able to do afterwards, how long
/// it lasts and how it is delivered. Immutable.
/// </summary>
public sealed record CurriculumModule
{
    /// <summary>Initialises a module.</summary>
    /// <param name="code">A short code, unique within the version, such as <c>M1</c>; sessions refer to the module by it.</param>
    /// <param name="title">The module's title.</param>
    /// <param name="learningOutcomes">What participants should be able to do afterwards (at least one).</param>
    /// <param name="duration">How long the module lasts (more than zero, at most a day).</param>
    /// <param name="deliveryMode">How it is delivered.</param>
    /// <exception cref="ArgumentException">A text is blank, there is no learning outcome, or the duration is out of range.</exception>
    public CurriculumModule(string code, string title, IEnumerable<string> learningOutcomes, TimeSpan duration, DeliveryMode deliveryMode)
    {
        Input.Required(code);
        Input.Required(title);
        Guard.Against.Null(learningOutcomes);
        Input.Defined(deliveryMode);
        var outcomes = learningOutcomes.ToList();
        if (outcomes.Count == 0 || outcomes.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidInputException(nameof(learningOutcomes), $"Module '{code}' needs at least one learning outcome and no blank ones, such as \"Explain what co-production means\".");
        }

        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromDays(1))
        {
            throw new InvalidInputException(nameof(duration), $"Module '{code}' lasts {duration}: give a duration of more than zero and at most one day.");
        }

        Code = code.Trim();
        Title = title.Trim();
        LearningOutcomes = outcomes.Select(o => o.Trim()).ToList().AsReadOnly();
        Duration = duration;
        DeliveryMode = deliveryMode;
    }

    // For relational storage, which sets the properties after construction.
    private CurriculumModule()
    {
        Code = string.Empty;
        Title = string.Empty;
        LearningOutcomes = [];
    }

    /// <summary>Gets the module's code, unique within its curriculum version.</summary>
    public string Code { get; }

    /// <summary>Gets the module's title.</summary>
    public string Title { get; }

    /// <summary>Gets what participants should be able to do afterwards.</summary>
    public IReadOnlyList<string> LearningOutcomes { get; }

    /// <summary>Gets how long the module lasts.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Gets how the module is delivered.</summary>
    public DeliveryMode DeliveryMode { get; }
}

/// <summary>The perspective a co-designer brought to a curriculum version.</summary>
public enum CoDesignPerspective
{
    /// <summary>Lived experience: a patient, carer, service user or community member.</summary>
    LivedExperience,

    /// <summary>Staff: for example a QI coach or a participation facilitator.</summary>
    Staff,
}

/// <summary>Who helped shape a curriculum version, from which perspective, and how. Immutable.</summary>
/// <param name="ParticipantId">The co-designer.</param>
/// <param name="Perspective">Their perspective, taken from their participant record.</param>
/// <param name="Contribution">What they shaped, such as "Wrote the module on power and jargon".</param>
public sealed record CoDesignContribution(ParticipantId ParticipantId, CoDesignPerspective Perspective, string Contribution)
{
    /// <summary>Gets what they shaped.</summary>
    public string Contribution { get; } = Input.Required(Contribution).Trim();
}

/// <summary>
/// A published version of a programme's curriculum: its modules and the record of who co-designed it. Published
/// versions are immutable, so a cohort that ran version 1 still shows version 1 after version 2 is published.
/// </summary>
public sealed class CurriculumVersion
{
    private readonly List<CurriculumModule> _modules = [];
    private readonly List<CoDesignContribution> _coDesigners = [];

    internal CurriculumVersion(int number, string summaryOfChanges, IEnumerable<CurriculumModule> modules, IEnumerable<CoDesignContribution> coDesigners, DateTimeOffset publishedAt)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        SummaryOfChanges = summaryOfChanges;
        _modules.AddRange(modules);
        _coDesigners.AddRange(coDesigners);
        PublishedAt = publishedAt;
    }

    private CurriculumVersion()
    {
        SummaryOfChanges = string.Empty;
    }

    /// <summary>Gets the version's own id (for stores).</summary>
    public Guid Id { get; private set; }

    /// <summary>Gets the version number: 1, 2, 3, ... in order of publication.</summary>
    public int Number { get; private set; }

    /// <summary>Gets what changed from the previous version and why (for version 1, what it is).</summary>
    public string SummaryOfChanges { get; private set; }

    /// <summary>Gets the modules, in teaching order.</summary>
    public IReadOnlyList<CurriculumModule> Modules => _modules;

    /// <summary>Gets who co-designed this version.</summary>
    public IReadOnlyList<CoDesignContribution> CoDesigners => _coDesigners;

    /// <summary>Removes an erased co-designer's description of their contribution; returns whether they co-designed this version.</summary>
    internal bool RemovePersonalText(ParticipantId participantId)
    {
        var changed = false;
        for (var i = 0; i < _coDesigners.Count; i++)
        {
            if (_coDesigners[i].ParticipantId == participantId)
            {
                _coDesigners[i] = new CoDesignContribution(participantId, _coDesigners[i].Perspective, PersonalData.RemovedOnErasure);
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Gets when the version was published.</summary>
    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>Gets the total teaching time of the version.</summary>
    public TimeSpan TotalDuration => _modules.Aggregate(TimeSpan.Zero, (sum, m) => sum + m.Duration);

    /// <summary>Finds a module by its code.</summary>
    /// <param name="code">The module's code.</param>
    /// <returns>The module, or <see langword="null"/> when this version has none with that code.</returns>
    public CurriculumModule? FindModule(string code)
    {
        Input.Required(code);
        return _modules.Find(m => string.Equals(m.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
