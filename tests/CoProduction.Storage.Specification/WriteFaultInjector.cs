namespace CoProduction.Storage.Specification;

/// <summary>
/// Fails a store's write at a chosen point, so that the conformance suite can prove a unit of work all or nothing
/// (<see cref="MultiAggregateFaultSpecification"/>). The store under test calls <see cref="BeforeWrite"/> before each
/// write it sends inside a transaction: a relational store before each <c>INSERT</c>, <c>UPDATE</c> or <c>DELETE</c>
/// command (an EF Core <c>DbCommandInterceptor</c> does this), an in-memory store before each aggregate and before its
/// events. When the suite has armed that write, the call throws <see cref="InjectedFaultException"/>, as a lost
/// connection or a crash would.
/// </summary>
public sealed class WriteFaultInjector
{
    private readonly Lock _gate = new();
    private bool _counting;
    private int _writes;
    private int _failOn;

    /// <summary>Gets whether the armed fault was thrown since the injector was last armed.</summary>
    public bool Fired
    {
        get
        {
            lock (_gate)
            {
                return FiredUnlocked;
            }
        }
    }

    private bool FiredUnlocked { get; set; }

    /// <summary>
    /// Called by the store under test before each write. Counts the write while the suite is counting, and throws when
    /// it is the armed one (once; later writes go through).
    /// </summary>
    /// <exception cref="InjectedFaultException">This is the write the suite chose to fail.</exception>
    public void BeforeWrite()
    {
        lock (_gate)
        {
            if (!_counting)
            {
                return;
            }

            _writes++;
            if (_writes == _failOn)
            {
                _counting = false;
                FiredUnlocked = true;
                throw new InjectedFaultException(_writes);
            }
        }
    }

    /// <summary>Starts counting writes, failing none.</summary>
    internal void StartCounting() => Arm(0);

    /// <summary>Starts counting writes and fails the <paramref name="write"/>-th (1-based).</summary>
    internal void FailOnWrite(int write) => Arm(write);

    /// <summary>Stops counting and disarms the fault.</summary>
    /// <returns>The writes counted since counting started.</returns>
    internal int Stop()
    {
        lock (_gate)
        {
            _counting = false;
            _failOn = 0;
            return _writes;
        }
    }

    private void Arm(int failOn)
    {
        lock (_gate)
        {
            _counting = true;
            _writes = 0;
            _failOn = failOn;
            FiredUnlocked = false;
        }
    }
}

/// <summary>The fault a <see cref="WriteFaultInjector"/> throws in place of a store's write.</summary>
public sealed class InjectedFaultException : Exception
{
    /// <summary>Initialises the exception.</summary>
    public InjectedFaultException()
        : base("A fault was injected in place of a store's write.")
    {
    }

    /// <summary>Initialises the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public InjectedFaultException(string message)
        : base(message)
    {
    }

    /// <summary>Initialises the exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InjectedFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initialises the exception for the write it replaced.</summary>
    /// <param name="write">The number of the write (1-based) since the injector was armed.</param>
    public InjectedFaultException(int write)
        : base($"A fault was injected in place of write {write} of the command under test.")
    {
        Write = write;
    }

    /// <summary>Gets the number of the write (1-based) the fault replaced, or 0 when not known.</summary>
    public int Write { get; }
}
