using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientPortal.BuildingBlocks.DemoData;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Accounts.Data;
using PatientPortal.Modules.Accounts.Domain;
using PatientPortal.Modules.Accounts.Security;

namespace PatientPortal.Modules.Accounts.Features;

/// <summary>
/// On first start (no admin yet, and "Accounts:Admin:Email" set) creates the clinic's first admin. Its password comes
/// from configuration, or is generated and printed once, here, and never again.
/// </summary>
internal sealed class FirstAdmin(AccountsDbContext db, Credentials credentials, IOptions<AccountsOptions> options, TimeProvider clock) : IStartupTask
{
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value.Admin;
        if (string.IsNullOrWhiteSpace(admin.Email) || await db.Accounts.AnyAsync(a => a.Role == Roles.Admin, cancellationToken))
        {
            return [];
        }

        var generated = string.IsNullOrEmpty(admin.Password);
        var password = generated ? Secrets.NewToken()[..20] + "!9a" : admin.Password!;
        var now = clock.GetUtcNow();
        var account = Account.Register(Guid.CreateVersion7(), admin.Email, credentials.Hash(password),
            new AccountDetails(admin.FirstName, admin.LastName, new DateOnly(1970, 1, 1)), "fr-CA", Roles.Admin, now);
        account.ActivateStaff(now);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return generated
            ? [$"First clinic admin created: {admin.Email} with the generated password {password} (shown once; change it after signing in)."]
            : [$"First clinic admin created: {admin.Email} (password from configuration)."];
    }
}
