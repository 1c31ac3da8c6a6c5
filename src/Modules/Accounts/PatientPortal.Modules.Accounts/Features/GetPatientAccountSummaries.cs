namespace PatientPortal.Modules.Accounts.Features;

internal sealed class GetPatientAccountSummariesHandler(AccountsDbContext db, ICurrentAccount current)
    : IRequestHandler<GetPatientAccountSummaries, Result<IReadOnlyList<PatientAccountSummary>>>
{
    public async Task<Result<IReadOnlyList<PatientAccountSummary>>> Handle(GetPatientAccountSummaries request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var ids = (request.AccountIds ?? []).Distinct().Take(GetPatientAccountSummaries.MaxIds).ToList();
        var found = await db.Accounts.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.Role == Roles.Patient)
            .Select(a => new PatientAccountSummary(a.Id, a.Email, a.CreatedUtc, a.ActivatedUtc))
            .ToListAsync(cancellationToken);
        return found;
    }
}
