namespace PatientPortal.Modules.Accounts.Features;

/// <summary>Active patient accounts only, in the order asked; whoever is signed in (modules only).</summary>
internal sealed class GetAccountContactsHandler(AccountsDbContext db) : IRequestHandler<GetAccountContacts, IReadOnlyList<AccountContact>>
{
    public async Task<IReadOnlyList<AccountContact>> Handle(GetAccountContacts request, CancellationToken cancellationToken)
    {
        var ids = (request.AccountIds ?? []).Distinct().Take(GetAccountContacts.MaxIds).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var found = await db.Accounts.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.Role == Roles.Patient && a.Status == AccountStatus.Active)
            .Select(a => new AccountContact(a.Id, a.Email, a.Language))
            .ToListAsync(cancellationToken);
        return [.. found.OrderBy(c => ids.IndexOf(c.AccountId))];
    }
}
