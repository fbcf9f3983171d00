using System.Diagnostics.CodeAnalysis;
using CoProduction.People;

namespace CoProduction.Primitives;

/// <summary>What kind of actor made a change.</summary>
public enum ActorKind
{
    /// <summary>A person with a participant record: a partner, a panel member, a member of the participation team.</summary>
    Participant = 1,

    /// <summary>A named process of the embedding application: a background job, an import, a scheduled task.</summary>
    SystemProcess = 2,
}

/// <summary>
/// Who made a change: a participant (by id, never by name, so that the audit trail survives their erasure) or a named
/// system process. Every stored event carries the actor of the command that raised it (<see cref="IActorContext"/>).
/// </summary>
/// <remarks>
/// An actor is stored as text: <c>participant:&lt;guid&gt;</c> or <c>system:&lt;name&gt;</c>
/// (<see cref="ToString"/> and <see cref="Parse"/>).
/// </remarks>
public sealed record Actor
{
    /// <summary>The longest system process name accepted.</summary>
    public const int MaxProcessNameLength = 100;

    private const string ParticipantPrefix = "participant:";
    private const string SystemPrefix = "system:";

    private Actor(ActorKind kind, ParticipantId? participantId, string? processName)
    {
        Kind = kind;
        ParticipantId = participantId;
        ProcessName = processName;
    }

    /// <summary>Gets what kind of actor this is.</summary>
    public ActorKind Kind { get; }

    /// <summary>Gets the participant, when <see cref="Kind"/> is <see cref="ActorKind.Participant"/>; otherwise <see langword="null"/>.</summary>
    public ParticipantId? ParticipantId { get; }

    /// <summary>Gets the process name, when <see cref="Kind"/> is <see cref="ActorKind.SystemProcess"/>; otherwise <see langword="null"/>.</summary>
    public string? ProcessName { get; }

    /// <summary>Creates the actor for a person with a participant record.</summary>
    /// <param name="participantId">The participant.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="ArgumentException"><paramref name="participantId"/> is empty.</exception>
    public static Actor ForParticipant(ParticipantId participantId)
    {
        if (participantId.Value == Guid.Empty)
        {
            throw new ArgumentException("The participant id of an actor is empty: pass the id of the signed-in person's participant record.", nameof(participantId));
        }

        return new Actor(ActorKind.Participant, participantId, null);
    }

    /// <summary>Creates the actor for a named process of the application, such as <c>outbox-dispatcher</c> or <c>claims-import</c>.</summary>
    /// <param name="processName">The process's name: letters, digits, dots, hyphens and underscores, at most <see cref="MaxProcessNameLength"/> characters. It names a process, never a person.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="processName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="processName"/> is blank, too long or holds other characters.</exception>
    public static Actor ForSystemProcess(string processName)
    {
        ArgumentNullException.ThrowIfNull(processName);
        if (!IsValidProcessName(processName))
        {
            throw new ArgumentException(
                $"'{processName}' is not a system process name: use 1 to {MaxProcessNameLength} letters, digits, dots, hyphens or underscores, such as 'claims-import'.",
                nameof(processName));
        }

        return new Actor(ActorKind.SystemProcess, null, processName);
    }

    /// <summary>Reads an actor from its stored text (<see cref="ToString"/>).</summary>
    /// <param name="text">The text, such as <c>participant:0190a3c2-...</c> or <c>system:outbox-dispatcher</c>.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> is blank.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not an actor's text.</exception>
    public static Actor Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return TryParse(text, out var actor) ? actor : throw new FormatException($"'{text}' is not an actor: expected 'participant:<guid>' or 'system:<name>'.");
    }

    /// <summary>Tries to read an actor from its stored text (<see cref="ToString"/>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="actor">The actor, when the text is one.</param>
    /// <returns>Whether the text is an actor's.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Actor? actor)
    {
        actor = null;
        if (text is null)
        {
            return false;
        }

        if (text.StartsWith(ParticipantPrefix, StringComparison.Ordinal))
        {
            if (Guid.TryParse(text.AsSpan(ParticipantPrefix.Length), out var id) && id != Guid.Empty)
            {
                actor = new Actor(ActorKind.Participant, new ParticipantId(id), null);
            }
        }
        else if (text.StartsWith(SystemPrefix, StringComparison.Ordinal))
        {
            var name = text[SystemPrefix.Length..];
            if (IsValidProcessName(name))
            {
                actor = new Actor(ActorKind.SystemProcess, null, name);
            }
        }

        return actor is not null;
    }

    /// <summary>Writes the actor as stored: <c>participant:&lt;guid&gt;</c> or <c>system:&lt;name&gt;</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind == ActorKind.Participant
        ? ParticipantPrefix + ParticipantId!.Value.Value.ToString("D")
        : SystemPrefix + ProcessName;

    private static bool IsValidProcessName([NotNullWhen(true)] string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= MaxProcessNameLength
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}

/// <summary>
/// Tells the library who the current command runs for. The unit of work stores this actor with every event the
/// command raises, so the audit trail (<see cref="Audit.AuditTrailService"/>) says who made each change.
/// </summary>
/// <remarks>
/// The default implementation, <see cref="ActorContext"/>, is scoped: set it once per request (the ASP.NET Core
/// integration does, from the signed-in user's claims) or per background job. Until it is set, commands run for the
/// application's own process (<see cref="CoProductionOptions.SystemProcessName"/>). Replace it by registering
/// <see cref="IActorContext"/> before calling <c>AddCoProduction</c>.
/// </remarks>
public interface IActorContext
{
    /// <summary>Gets who the current command runs for.</summary>
    Actor CurrentActor { get; }
}

/// <summary>The default, settable <see cref="IActorContext"/>, registered per DI scope.</summary>
public sealed class ActorContext : IActorContext
{
    private readonly Actor _default;
    private Actor? _current;

    /// <summary>Initialises the context with the application's process as the actor until one is set.</summary>
    /// <param name="options">The library's options (<see cref="CoProductionOptions.SystemProcessName"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public ActorContext(Microsoft.Extensions.Options.IOptions<CoProductionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _default = Actor.ForSystemProcess(options.Value.SystemProcessName);
    }

    /// <inheritdoc />
    public Actor CurrentActor => _current ?? _default;

    /// <summary>Gets whether an actor has been set in this scope (rather than the application's process by default).</summary>
    public bool IsSet => _current is not null;

    /// <summary>Sets the actor the rest of this scope runs for.</summary>
    /// <param name="actor">The actor.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    public void SetCurrent(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        _current = actor;
    }
}
