namespace PatientPortal.Modules.Profiles.Domain;

internal enum ConnectionRequestState
{
    Open,
    Approved,
    Refused,
}

/// <summary>
/// A patient asked, from Connected Accounts, to connect a child's record whose guardian on file is not them: knowing a
/// child's card number is not enough, so staff approve or refuse. One open request per account and profile.
/// </summary>
internal sealed class ConnectionRequest
{
    private ConnectionRequest() { }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid ProfileId { get; private set; }
    public Relationship Relationship { get; private set; }
    public ConnectionRequestState State { get; private set; }
    public DateTimeOffset CreatedUtc { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedUtc { get; private set; }
    public int Version { get; private set; }

    public static ConnectionRequest Open(Guid accountId, Guid profileId, Relationship relationship, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = accountId,
        ProfileId = profileId,
        Relationship = relationship,
        State = ConnectionRequestState.Open,
        CreatedUtc = now,
    };

    public void Decide(bool approved, Guid staffAccountId, DateTimeOffset now)
    {
        State = approved ? ConnectionRequestState.Approved : ConnectionRequestState.Refused;
        DecidedBy = staffAccountId;
        DecidedUtc = now;
        Version++;
    }
}
