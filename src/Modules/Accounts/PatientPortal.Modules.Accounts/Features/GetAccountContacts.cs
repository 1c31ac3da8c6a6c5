using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Accounts.Features;

/// <summary>
/// Active patient accounts only. A signed-in patient's ids are first cut down to the profile's recipients as Profiles
/// answers that same session (Profiles checks that the patient may act for the profile, and answers nothing otherwise).
/// </summary>
internal sealed class GetAccountContactsHandler(AccountsDbContext db, ICurrentAccount current, IMediator mediator)
    : IRequestHandler<GetAccountContacts, IReadOnlyList<AccountContact>>
{
    public async Task<IReadOnlyList<AccountContact>> Handle(GetAccountContacts request, CancellationToken cancellationToken)
    {
        var ids = (request.AccountIds ?? []).Distinct().Take(GetAccountContacts.MaxIds).ToList();
        if (current.AccountId is not null && !StaffOnly.Allows(current))
        {
            var linked = new HashSet<Guid>();
            foreach (var kind in Enum.GetValues<NotificationKind>())
            {
                linked.UnionWith((await mediator.Send(new ListNotificationRecipients(request.ProfileId, ProfileTabs.None, kind), cancellationToken)).AccountIds);
            }

            ids = [.. ids.Where(linked.Contains)];
        }

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
