namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>One of the ten single-use codes shown once when a second factor is set up; only a salted hash is kept.</summary>
internal sealed class RecoveryCode
{
    private RecoveryCode() { }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string CodeHash { get; private set; } = "";
    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset? UsedUtc { get; private set; }

    public const int Count = 10;

    public static RecoveryCode Issue(Guid accountId, string codeHash, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = accountId,
        CodeHash = codeHash,
        CreatedUtc = now,
    };

    public void Use(DateTimeOffset now) => UsedUtc = now;
}
