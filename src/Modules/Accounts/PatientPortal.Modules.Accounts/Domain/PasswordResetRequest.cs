namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>
/// "Forgot your password?" for an address, waiting for <see cref="Features.SendPasswordResetsJob"/>. The form only
/// writes this, whether or not the address has an account, so its answer takes the same time either way.
/// </summary>
internal sealed class PasswordResetRequest
{
    private PasswordResetRequest() { }

    public Guid Id { get; private set; }
    public string Email { get; private set; } = "";

    /// <summary>Who asked (a <see cref="Throttle.SourceKey"/>): the link counts toward their mail limit.</summary>
    public string Source { get; private set; } = "";

    public DateTimeOffset RequestedUtc { get; private set; }

    public static PasswordResetRequest For(string email, string source, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Email = Account.Canonical(email),
        Source = source,
        RequestedUtc = now,
    };
}
