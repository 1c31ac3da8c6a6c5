namespace PatientPortal.Modules.Accounts.Domain;

internal enum SecondFactorKind
{
    None,
    Authenticator,
    Email,
}

/// <summary>
/// An account's second factor (one row per account, created on first use). Kept apart from <see cref="Account"/>: the
/// sign-in steps read it, the rest of the account's life does not. The authenticator key is stored protected (Data
/// Protection) and never shown again once set up; only the last accepted time step is kept, so a code works once.
/// </summary>
internal sealed class SecondFactor
{
    private SecondFactor() { }

    public Guid AccountId { get; private set; }
    public SecondFactorKind Kind { get; private set; }
    public string? ProtectedKey { get; private set; }

    /// <summary>The RFC 6238 time step of the last code accepted: that code, and any older one, is refused from now on.</summary>
    public long? LastAcceptedStep { get; private set; }

    public DateTimeOffset? EnabledUtc { get; private set; }

    /// <summary>A key being set up: shown in the QR code until a code from it confirms it.</summary>
    public string? PendingKey { get; private set; }

    /// <summary>A code emailed to the account (to turn on the email factor, or to confirm a change of it): hashed, short-lived.</summary>
    public string? EmailCodeHash { get; private set; }
    public DateTimeOffset? EmailCodeExpiresUtc { get; private set; }
    public int EmailCodeFailures { get; private set; }

    /// <summary>Codes emailed on request (set-up, turning off, new recovery codes) in the hour that started at <see cref="EmailCodesWindowStartUtc"/>.</summary>
    public int EmailCodesSent { get; private set; }
    public DateTimeOffset? EmailCodesWindowStartUtc { get; private set; }

    public int Version { get; private set; }

    public bool IsOn => Kind != SecondFactorKind.None;

    public static SecondFactor For(Guid accountId) => new() { AccountId = accountId };

    public void StartAuthenticatorSetUp(string protectedKey)
    {
        PendingKey = protectedKey;
        Version++;
    }

    /// <param name="protectedKey">The confirmed key, protected for every session (the pending one was for one session only).</param>
    public void TurnOnAuthenticator(string protectedKey, long acceptedStep, DateTimeOffset now)
    {
        Kind = SecondFactorKind.Authenticator;
        ProtectedKey = protectedKey;
        PendingKey = null;
        LastAcceptedStep = acceptedStep;
        EnabledUtc = now;
        ClearEmailCode();
    }

    public void TurnOnEmail(DateTimeOffset now)
    {
        Kind = SecondFactorKind.Email;
        ProtectedKey = null;
        PendingKey = null;
        LastAcceptedStep = null;
        EnabledUtc = now;
        ClearEmailCode();
    }

    public void TurnOff()
    {
        Kind = SecondFactorKind.None;
        ProtectedKey = null;
        PendingKey = null;
        LastAcceptedStep = null;
        EnabledUtc = null;
        ClearEmailCode();
    }

    /// <summary>A time step newer than the last accepted one is taken; an equal or older one is a replay.</summary>
    public bool TakeStep(long step)
    {
        if (LastAcceptedStep is { } last && step <= last)
        {
            return false;
        }

        LastAcceptedStep = step;
        Version++;
        return true;
    }

    /// <summary>
    /// Codes a signed-in account may have emailed in an hour. Each new code brings 5 new tries, so without a limit a
    /// stolen session could ask for code after code; and each one is a mail to the owner.
    /// </summary>
    public const int MaxEmailCodesPerHour = 5;

    public static readonly TimeSpan EmailCodesWindow = TimeSpan.FromHours(1);

    public bool CanSendEmailCode(DateTimeOffset now) =>
        EmailCodesWindowStartUtc is not { } start || now - start >= EmailCodesWindow || EmailCodesSent < MaxEmailCodesPerHour;

    /// <summary>A new code replaces the last one (and its count of wrong tries); call <see cref="CanSendEmailCode"/> first.</summary>
    public void SendEmailCode(string codeHash, DateTimeOffset now, DateTimeOffset expires)
    {
        if (EmailCodesWindowStartUtc is not { } start || now - start >= EmailCodesWindow)
        {
            (EmailCodesSent, EmailCodesWindowStartUtc) = (0, now);
        }

        EmailCodesSent++;
        EmailCodeHash = codeHash;
        EmailCodeExpiresUtc = expires;
        EmailCodeFailures = 0;
        Version++;
    }

    public bool EmailCodeUsable(DateTimeOffset now) => EmailCodeHash is not null && now < EmailCodeExpiresUtc && EmailCodeFailures < MaxWrongCodes;

    /// <returns>True when the emailed code is now spent.</returns>
    public bool RecordWrongEmailCode()
    {
        EmailCodeFailures++;
        Version++;
        return EmailCodeFailures >= MaxWrongCodes;
    }

    public void ClearEmailCode()
    {
        EmailCodeHash = null;
        EmailCodeExpiresUtc = null;
        EmailCodeFailures = 0;
        Version++;
    }

    /// <summary>Wrong codes allowed on one challenge or one emailed code before it is spent (each also counts toward the lockout).</summary>
    public const int MaxWrongCodes = 5;
}
