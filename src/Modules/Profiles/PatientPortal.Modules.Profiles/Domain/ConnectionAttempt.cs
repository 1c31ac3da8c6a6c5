namespace PatientPortal.Modules.Profiles.Domain;

internal enum ConnectionOutcome
{
    /// <summary>The record names this account holder as guardian: connected at once.</summary>
    Connected,

    /// <summary>A child's record matched, but not its guardian on file: a request for staff.</summary>
    RequestedFromStaff,

    /// <summary>A record of someone at or over the age of consent matched: a consent request to them.</summary>
    ConsentRequested,

    /// <summary>Nothing matched, or more than one record did (the patient sees the neutral answer).</summary>
    NoMatch,

    /// <summary>The caller's own record, or a link that already exists (the patient sees the same neutral answer).</summary>
    AlreadyConnected,

    /// <summary>
    /// The person declined this account's request or removed its access, or staff refused its connection request, less
    /// than <see cref="ProfilesOptions.ConnectionCooldownDays"/> ago: nothing is asked again (the same neutral answer).
    /// </summary>
    CoolingDown,

    /// <summary>The account had used its attempts for the day.</summary>
    Refused,
}

/// <summary>
/// The audit of one Connected Accounts attempt, also what the daily limit counts. Saved before the search is made, so
/// parallel attempts cannot all slip under the limit. Rows are only ever added.
/// </summary>
internal sealed class ConnectionAttempt
{
    private ConnectionAttempt() { }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public DateTimeOffset AttemptedUtc { get; private set; }
    public ConnectionOutcome? Outcome { get; private set; }

    /// <summary>The record that matched, if any.</summary>
    public Guid? ProfileId { get; private set; }

    public static ConnectionAttempt Begin(Guid accountId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = accountId,
        AttemptedUtc = now,
    };

    public void End(ConnectionOutcome outcome, Guid? profileId)
    {
        Outcome = outcome;
        ProfileId = profileId;
    }
}
