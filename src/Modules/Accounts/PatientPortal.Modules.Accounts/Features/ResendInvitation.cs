namespace PatientPortal.Modules.Accounts.Features;

internal sealed class ResendInvitationHandler(AccountsDbContext db, ICurrentAccount current, InvitationMail invitations)
    : IRequestHandler<ResendInvitation, Result<InvitationSent>>
{
    public async Task<Result<InvitationSent>> Handle(ResendInvitation request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == request.InvitationId, cancellationToken);
        if (invitation is null)
        {
            return Error.NotFound;
        }

        if (invitation.UsedUtc is not null)
        {
            return new Error(AccountErrors.InvitationUsed);
        }

        var code = invitations.Send(db, invitation);
        await db.SaveChangesAsync(cancellationToken);
        return new InvitationSent(invitation.Id, code);
    }
}
