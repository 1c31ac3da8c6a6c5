namespace PatientPortal.Modules.Accounts.Features;

internal sealed class FindPatientAccountHandler(AccountsDbContext db, ICurrentAccount current)
    : IRequestHandler<FindPatientAccount, Result<Guid>>
{
    public async Task<Result<Guid>> Handle(FindPatientAccount request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var normalized = Account.Normalize((request.Email ?? "").Trim());
        if (normalized.Length == 0)
        {
            return new Error(AccountErrors.PatientAccountNotFound, nameof(request.Email));
        }

        var found = await db.Accounts.AsNoTracking()
            .Where(a => a.NormalizedEmail == normalized && a.Role == Roles.Patient && a.Status == AccountStatus.Active)
            .Select(a => (Guid?)a.Id)
            .SingleOrDefaultAsync(cancellationToken);
        return found is { } id ? id : new Error(AccountErrors.PatientAccountNotFound, nameof(request.Email));
    }
}
