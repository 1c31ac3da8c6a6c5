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
        return staff.Select(a => new StaffAccountSummary(a.Id, a.Email, a.DisplayName, a.Role)).ToList();
    }
}
