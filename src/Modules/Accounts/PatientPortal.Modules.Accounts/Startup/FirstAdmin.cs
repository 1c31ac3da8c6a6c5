using PatientPortal.BuildingBlocks.DemoData;

namespace PatientPortal.Modules.Accounts.Startup;

/// <summary>
/// On first start (no admin yet, and "Accounts:Admin:Email" set) creates the clinic's first admin, with the password from
/// configuration or, when there is none, a single-use link (printed once) to choose it.
/// </summary>
internal sealed class FirstAdmin(AccountsDbContext db, Credentials credentials, IPortalLinks links, IAccountLinks pages, IOptions<AccountsOptions> options, TimeProvider clock) : IStartupTask
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

        // No password in configuration: never print one. A single-use link to choose it, valid 48 hours, goes to the log once.
        var token = Secrets.NewToken();
        db.Tokens.Add(AccountToken.Issue(account, TokenPurpose.PasswordReset, Secrets.Hash(token), options.Value.ActivationLinkLifetime, now));
        await db.SaveChangesAsync(cancellationToken);
        return [$"First clinic admin created: {admin.Email}. Choose its password within 48 hours at {Link(token)}"];
    }

    // At start-up there is no request: without Portal:PublicUrl (Development) the path alone is printed.
    private string Link(string token)
    {
        var path = AccountMail.PathAndQuery(pages, AccountLink.StaffPassword, token);
        try
        {
            return links.To(path).ToString();
        }
        catch (InvalidOperationException)
        {
            return path;
        }
    }
}
