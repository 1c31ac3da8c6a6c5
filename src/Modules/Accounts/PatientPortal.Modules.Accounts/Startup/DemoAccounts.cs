using PatientPortal.BuildingBlocks.DemoData;
using PatientPortal.BuildingBlocks.Outbox;

namespace PatientPortal.Modules.Accounts.Startup;

/// <summary>Development only: the demo clinic's patient, already activated (the admin comes from configuration).</summary>
internal sealed class DemoAccounts(AccountsDbContext db, Credentials credentials, IOptions<AccountsOptions> options, TimeProvider clock) : IDemoDataSeeder
{
    public const string PatientEmail = "heather.milner@example.com";
    public const string PatientPassword = "Portail-Demo-2026!";

    public int Order => 10;

    public async Task<IReadOnlyList<string>> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Accounts.AnyAsync(a => a.Role == Roles.Patient, cancellationToken))
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var account = Account.Register(Guid.CreateVersion7(), PatientEmail, credentials.Hash(PatientPassword),
            new AccountDetails("Heather", "Milner", new DateOnly(1989, 4, 27), "MILH89542712", "5141231234", nameof(PhoneType.Mobile)), "fr-CA", Roles.Patient, now);
        account.Activate(options.Value.TermsVersion, now);
        db.Accounts.Add(account);
        db.Publish(account.Registered(), clock);
        await db.SaveChangesAsync(cancellationToken);
        var admin = options.Value.Admin;
        return string.IsNullOrEmpty(admin.Email) || string.IsNullOrEmpty(admin.Password)
            ? [$"patient {PatientEmail} / {PatientPassword}"]
            : [$"patient {PatientEmail} / {PatientPassword}", $"clinic admin {admin.Email} / {admin.Password} (Development configuration)"];
    }
}
