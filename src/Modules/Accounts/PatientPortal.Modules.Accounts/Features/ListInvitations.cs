namespace PatientPortal.Modules.Accounts.Features;

internal sealed class ListInvitationsHandler(AccountsDbContext db, ICurrentAccount current, TimeProvider clock)
    : IRequestHandler<ListInvitations, Result<IReadOnlyList<InvitationSummary>>>
{
    public async Task<Result<IReadOnlyList<InvitationSummary>>> Handle(ListInvitations request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var now = clock.GetUtcNow();
        var invitations = await db.Invitations.AsNoTracking().ToListAsync(cancellationToken);
        return invitations
            .OrderByDescending(i => i.SentUtc)
            .Select(i => new InvitationSummary(i.Id, i.Email, i.FirstName, i.LastName, i.State(now), i.SentUtc, i.ExpiresUtc))
            .ToList();
    }
}
