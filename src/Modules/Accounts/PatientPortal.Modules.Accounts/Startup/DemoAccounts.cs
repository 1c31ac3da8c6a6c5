using PatientPortal.BuildingBlocks.DemoData;
using PatientPortal.BuildingBlocks.Outbox;

namespace PatientPortal.Modules.Accounts.Startup;

/// <summary>
/// Development only: the demo clinic's patients, already activated, with the fixed ids of <see cref="DemoClinic"/>
/// (the admin comes from configuration). Each is added when missing, so a database seeded before the second family
/// existed gets it on the next start. Their own profiles arrive in Profiles through <see cref="AccountRegistered"/>.
/// </summary>
internal sealed class DemoAccounts(AccountsDbContext db, Credentials credentials, IOptions<AccountsOptions> options, TimeProvider clock) : IDemoDataSeeder
{
    public const string PatientEmail = DemoClinic.HeatherMilnerEmail;
    public const string PatientPassword = DemoClinic.Password;

    private static readonly (Guid Id, string Email, AccountDetails Details, string Language)[] Patients =
    [
        (DemoClinic.HeatherMilnerAccountId, DemoClinic.HeatherMilnerEmail,
            new AccountDetails("Heather", "Milner", new DateOnly(1989, 4, 27), "MILH89542712", "5141231234", nameof(PhoneType.Mobile)), DemoClinic.HeatherMilnerLanguage),
        (DemoClinic.SophieGagnonAccountId, DemoClinic.SophieGagnonEmail,
            new AccountDetails("Sophie", "Gagnon", new DateOnly(1985, 6, 12), "GAGS85561212", "5145556789", nameof(PhoneType.Mobile)), DemoClinic.SophieGagnonLanguage),
    ];

    public int Order => 10;

    public async Task<IReadOnlyList<string>> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lines = new List<string>();
        foreach (var (id, email, details, language) in Patients)
        {
            var normalized = Account.Normalize(email);
            if (await db.Accounts.AnyAsync(a => a.Id == id || a.NormalizedEmail == normalized, cancellationToken))
            {
                continue;
            }

            var account = Account.Register(id, email, credentials.Hash(DemoClinic.Password), details, language, Roles.Patient, now);
            account.Activate(options.Value.TermsVersion, now);
            db.Accounts.Add(account);
            db.Publish(account.Registered(), clock);
            lines.Add($"patient {email} / {DemoClinic.Password} ({details.FirstName} {details.LastName})");
        }

        if (lines.Count == 0)
        {
            return [];
        }

        await db.SaveChangesAsync(cancellationToken);
        var admin = options.Value.Admin;
        if (!string.IsNullOrEmpty(admin.Email) && !string.IsNullOrEmpty(admin.Password))
        {
            lines.Add($"clinic admin {admin.Email} / {admin.Password} (Development configuration)");
        }

        return lines;
    }
}
