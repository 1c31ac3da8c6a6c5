namespace PatientPortal.Modules.Accounts.Features;

internal sealed class ListStaffAccountsHandler(AccountsDbContext db, ICurrentAccount current)
    : IRequestHandler<ListStaffAccounts, Result<IReadOnlyList<StaffAccountSummary>>>
{
    public async Task<Result<IReadOnlyList<StaffAccountSummary>>> Handle(ListStaffAccounts request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.AllowsAdmin(current))
        {
            return Error.Forbidden;
        }

        var staff = await db.Accounts.AsNoTracking().Where(a => a.Role != Roles.Patient).OrderBy(a => a.LastName).ToListAsync(cancellationToken);
        var ids = staff.Select(a => a.Id).ToList();
        var withApp = (await db.SecondFactors.AsNoTracking()
            .Where(f => ids.Contains(f.AccountId) && f.Kind == SecondFactorKind.Authenticator).Select(f => f.AccountId).ToListAsync(cancellationToken)).ToHashSet();
        return staff.Select(a => new StaffAccountSummary(a.Id, a.Email, a.DisplayName, a.Role) { AuthenticatorOn = withApp.Contains(a.Id) }).ToList();
    }
}
