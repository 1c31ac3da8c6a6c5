namespace PatientPortal.Modules.Accounts.Security;

/// <summary>The "Accounts" configuration section.</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>"Accounts:Password": the clinic's password rule, which the host also reads (a <see cref="PasswordRule"/> service).</summary>
    public PasswordRule Password { get; set; } = new();
    /// <summary>Wrong passwords or codes in a row from one source (a client's network) before that source is blocked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>Wrong passwords or codes in an hour, from all sources together, before the account is locked for all.</summary>
    public int MaxFailedSignInsPerHour { get; set; } = 30;

    /// <summary>Wrong codes (second factor, email change) in a day, from all sources, before a signed-in owner's re-checks are refused.</summary>
    public int MaxWrongSecondFactorCodesPerDay { get; set; } = 10;

    /// <summary>Wrong answers a day on all of an address's emailed links (activation password, recovery PIN) before they are refused.</summary>
    public int MaxWrongLinkAnswersPerDay { get; set; } = 10;

    /// <summary>The first block; each further one lasts twice as long, up to <see cref="LongestLockout"/>.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan LongestLockout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Links and notices anyone can trigger (activation, reset, lock) sent to one address in an hour, at most.</summary>
    public int MailPerAddressPerHour { get; set; } = 5;
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan AbsoluteSessionLifetime { get; set; } = TimeSpan.FromHours(12);
    public TimeSpan ActivationLinkLifetime { get; set; } = TimeSpan.FromDays(2);
    public TimeSpan PasswordResetLinkLifetime { get; set; } = TimeSpan.FromMinutes(60);
    public TimeSpan EmailChangeLifetime { get; set; } = TimeSpan.FromMinutes(60);
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Quebec clinics: the invitation code is the health card's last 4 digits (or the date of birth), plus a recovery PIN and the privacy policy.</summary>
    public bool QuebecInvitations { get; set; }

    /// <summary>The version of the Terms and Conditions the portal shows; accepting records it.</summary>
    public string TermsVersion { get; set; } = "2026-01";

    /// <summary>
    /// "Accounts:HashKey": base64, at least 32 random bytes, kept outside the database. It keys the hashes of recovery
    /// codes (see <see cref="Pepper"/>); required outside Development, where a fixed development key stands in.
    /// </summary>
    public string? HashKey { get; set; }

    /// <summary>The first clinic admin, created on first start when no admin exists.</summary>
    public AdminAccount Admin { get; set; } = new();

    /// <summary>The session limits the host may read too (a <see cref="Contracts.SessionLimits"/> service).</summary>
    public SessionLimits SessionLimits() => new(IdleTimeout, AbsoluteSessionLifetime);

    public sealed class AdminAccount
    {
        public string? Email { get; set; }

        /// <summary>When empty, a single-use link to choose it is emailed to <see cref="Email"/> (never logged).</summary>
        public string? Password { get; set; }

        public string FirstName { get; set; } = "Clinic";
        public string LastName { get; set; } = "Admin";
    }
}
