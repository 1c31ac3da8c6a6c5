using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Accounts.Data;
using PatientPortal.Modules.Accounts.Domain;
using PatientPortal.Modules.Accounts.Emails;
using PatientPortal.Modules.Accounts.Security;

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
