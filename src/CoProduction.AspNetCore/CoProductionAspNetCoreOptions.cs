namespace CoProduction.AspNetCore;

/// <summary>Options of the ASP.NET Core integration, set with <c>AddAspNetCore(options =&gt; ...)</c> and validated on start.</summary>
public sealed class CoProductionAspNetCoreOptions
{
    /// <summary>Gets or sets the claim type that holds the organisation id (a GUID) of the signed-in user.</summary>
    /// <value>Default: <c>coproduction:organisation</c>.</value>
    public string OrganisationClaimType { get; set; } = "coproduction:organisation";

    /// <summary>
    /// Gets or sets the claim type that holds the participant id (a GUID) of the signed-in user: the person acting,
    /// read by <see cref="CoProductionClaimsReader"/>.
    /// </summary>
    /// <value>Default: <c>coproduction:participant</c>.</value>
    public string ParticipantClaimType { get; set; } = "coproduction:participant";

    /// <summary>Gets the options of the hosted outbox dispatcher.</summary>
    public OutboxDispatcherOptions Outbox { get; } = new();

    /// <summary>Gets the options of the hosted service that runs due work (follow-ups falling due, overdue claims).</summary>
    public DueWorkOptions DueWork { get; } = new();

    /// <summary>Gets or sets whether every store call is traced and measured (the <c>CoProduction</c> ActivitySource and Meter).</summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool InstrumentStores { get; set; } = true;

    internal IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(OrganisationClaimType))
        {
            yield return "CoProductionAspNetCoreOptions.OrganisationClaimType is blank: name the claim that holds the organisation id.";
        }

        if (string.IsNullOrWhiteSpace(ParticipantClaimType))
        {
            yield return "CoProductionAspNetCoreOptions.ParticipantClaimType is blank: name the claim that holds the participant id.";
        }

        foreach (var failure in Outbox.Validate().Concat(DueWork.Validate()))
        {
            yield return failure;
        }
    }
}

/// <summary>Options of the hosted outbox dispatcher, which delivers every organisation's pending domain events.</summary>
public sealed class OutboxDispatcherOptions
{
    /// <summary>Gets or sets whether the dispatcher runs.</summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how often the dispatcher looks for pending events.</summary>
    /// <value>Default: 10 seconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets how many delivery attempts an event gets (the one right after commit included) before it is
    /// dead-lettered: kept in the outbox with its last error, logged as an error, and no longer tried.
    /// </summary>
    /// <value>Default: 8.</value>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Gets or sets the wait before the first retry; each later retry waits twice as long as the one before.</summary>
    /// <value>Default: 5 seconds.</value>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the longest wait between two attempts.</summary>
    /// <value>Default: 10 minutes.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets the share of each wait that is random (from 0 to 1), so that retries of many events spread out.</summary>
    /// <value>Default: 0.2 (a wait of 10 s lies between 8 s and 12 s).</value>
    public double Jitter { get; set; } = 0.2;

    /// <summary>
    /// Gets or sets how old a never-tried event must be before the dispatcher takes it: younger ones are being
    /// delivered by the request that saved them.
    /// </summary>
    /// <value>Default: 30 seconds.</value>
    public TimeSpan MinimumAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the most events read for one organisation in one pass.</summary>
    /// <value>Default: 100.</value>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Gets or sets how long delivered events (the audit trail: who changed what, and when) are kept. The dispatcher
    /// deletes older ones, at most once an hour, across every organisation; undelivered events are never deleted. Set
    /// it to what the organisation's records policy says for audit logs.
    /// </summary>
    /// <value>Default: <see langword="null"/>: kept until the policy is set.</value>
    public TimeSpan? AuditRetention { get; set; }

    /// <summary>Gets or sets the age of the oldest pending event beyond which the outbox health check reports Degraded.</summary>
    /// <value>Default: 15 minutes.</value>
    public TimeSpan DegradedAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets the age of the oldest pending event beyond which the outbox health check reports Unhealthy.</summary>
    /// <value>Default: 1 hour.</value>
    public TimeSpan UnhealthyAfter { get; set; } = TimeSpan.FromHours(1);

    internal IEnumerable<string> Validate()
    {
        if (PollInterval <= TimeSpan.Zero)
        {
            yield return $"Outbox.PollInterval is {PollInterval}: it must be positive.";
        }

        if (MaxAttempts < 1)
        {
            yield return $"Outbox.MaxAttempts is {MaxAttempts}: an event needs at least 1 attempt.";
        }

        if (FirstRetryDelay < TimeSpan.Zero || MaxRetryDelay < FirstRetryDelay)
        {
            yield return $"Outbox.FirstRetryDelay ({FirstRetryDelay}) must be zero or more and no longer than Outbox.MaxRetryDelay ({MaxRetryDelay}).";
        }

        if (Jitter is < 0 or > 1 || double.IsNaN(Jitter))
        {
            yield return $"Outbox.Jitter is {Jitter}: it must lie between 0 and 1.";
        }

        if (MinimumAge < TimeSpan.Zero)
        {
            yield return $"Outbox.MinimumAge is {MinimumAge}: it cannot be negative.";
        }

        if (AuditRetention is { } retention && retention < TimeSpan.FromDays(1))
        {
            yield return $"Outbox.AuditRetention is {retention}: keep the audit trail at least a day (or leave it unset to keep it).";
        }

        if (BatchSize is < 1 or > 1000)
        {
            yield return $"Outbox.BatchSize is {BatchSize}: it must lie between 1 and 1000.";
        }

        if (DegradedAfter <= TimeSpan.Zero || UnhealthyAfter < DegradedAfter)
        {
            yield return $"Outbox.DegradedAfter ({DegradedAfter}) must be positive and no longer than Outbox.UnhealthyAfter ({UnhealthyAfter}).";
        }
    }
}

/// <summary>Options of the hosted service that runs due work for every organisation.</summary>
public sealed class DueWorkOptions
{
    /// <summary>Gets or sets whether the service runs.</summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how often due work runs (it also runs once soon after start).</summary>
    /// <value>Default: 1 hour.</value>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets how long after start the first run waits.</summary>
    /// <value>Default: 1 minute.</value>
    public TimeSpan FirstRunDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets how many days ahead each run looks for partner work falling due (DBS and training renewals,
    /// support-plan reviews, fixed-term role reviews, debriefs not yet held): the run reports it in
    /// <see cref="DueWorkReport.PartnerWork"/> and announces each item once (<c>PartnerWorkFellDue</c>). Work already
    /// overdue, up to a year back, is included.
    /// </summary>
    /// <value>Default: 28 days.</value>
    public int PartnerWorkLookAheadDays { get; set; } = 28;

    internal IEnumerable<string> Validate()
    {
        if (PartnerWorkLookAheadDays is < 0 or > 366)
        {
            yield return $"DueWork.PartnerWorkLookAheadDays is {PartnerWorkLookAheadDays}: give 0 to 366 days.";
        }

        if (Interval <= TimeSpan.Zero)
        {
            yield return $"DueWork.Interval is {Interval}: it must be positive.";
        }

        if (FirstRunDelay < TimeSpan.Zero)
        {
            yield return $"DueWork.FirstRunDelay is {FirstRunDelay}: it cannot be negative.";
        }
    }
}
