using PatientPortal.BuildingBlocks.DemoData;

namespace PatientPortal.Modules.Accounts.Startup;

/// <summary>
/// On first start (no admin yet, and "Accounts:Admin:Email" set) creates the clinic's first admin, with the password from
/// configuration or, when there is none, a single-use link to choose it, emailed to that address like a new staff
/// member's welcome. The link is never printed: logs go wherever the host ships them.
/// </summary>
internal sealed class FirstAdmin(AccountsDbContext db, Credentials credentials, AccountMail mail, IAccountLinks pages, IOptions<AccountsOptions> options, TimeProvider clock) : IStartupTask
{
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value.Admin;
        if (string.IsNullOrWhiteSpace(admin.Email) || await db.Accounts.AnyAsync(a => a.Role == Roles.Admin, cancellationToken))
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var configured = !string.IsNullOrEmpty(admin.Password);
        var account = Account.Register(Guid.CreateVersion7(), admin.Email, credentials.Hash(configured ? admin.Password! : Secrets.NewToken()),
            new AccountDetails(admin.FirstName, admin.LastName, new DateOnly(1970, 1, 1)), "fr-CA", Roles.Admin, now);
        account.ActivateStaff(now);
        db.Accounts.Add(account);
        if (configured)
        {
            await db.SaveChangesAsync(cancellationToken);
            return [$"First clinic admin created: {admin.Email} (password from configuration)."];
        }

        // No password in configuration: never print one, nor a link to choose it. The link goes by the mail queue, in the same commit.
        var token = Secrets.NewToken();
        db.Tokens.Add(AccountToken.Issue(account, TokenPurpose.PasswordReset, Secrets.Hash(token), options.Value.ActivationLinkLifetime, now));
        mail.Queue(db, account.Email, account.Language, "StaffWelcome", ("Name", account.FirstName), ("Link", Link(token)));
        await db.SaveChangesAsync(cancellationToken);
        return [$"First clinic admin created: {admin.Email}. A link to choose its password, valid {options.Value.ActivationLinkLifetime.TotalHours:0} hours, was emailed to that address."];
    }

    // Outside Development Portal:PublicUrl is checked before start-up tasks run. In Development without it there is no
    // request to take the address from: the path alone still opens from the dev mailbox.
    private string Link(string token)
    {
        try
        {
            return mail.Link(AccountLink.StaffPassword, token);
        }
        catch (InvalidOperationException)
        {
            return AccountMail.PathAndQuery(pages, AccountLink.StaffPassword, token);
        }
    }
}
