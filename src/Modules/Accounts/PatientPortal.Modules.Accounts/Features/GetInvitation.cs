namespace PatientPortal.Modules.Accounts.Features;

internal sealed class GetInvitationHandler(AccountsDbContext db, TimeProvider clock) : IRequestHandler<GetInvitation, Result<InvitationView>>
{
    public async Task<Result<InvitationView>> Handle(GetInvitation request, CancellationToken cancellationToken)
    {
        var invitation = await InvitationLink.FindAsync(db, request.Token, cancellationToken);
        return InvitationLink.Refusal(invitation, clock.GetUtcNow()) is { } refusal
            ? refusal
            : new InvitationView(invitation!.QuebecVariant, invitation.CodeIsDateOfBirth);
    }
}
