using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Emails;

namespace PatientPortal.Modules.Profiles.Features;

internal sealed class DecideConnectionRequestValidator : AbstractValidator<DecideConnectionRequest>
{
    public DecideConnectionRequestValidator() =>
        RuleFor(r => r.Tabs).Must(t => (t & ~ProfileTabs.All) == 0).WithErrorCode(ProfilesErrors.TabsInvalid);
}

/// <summary>
/// Approving gives the requester the link through <see cref="StaffGrant"/> (so a child who has reached the age of consent
/// meanwhile must consent first); a link that is live already is left as it is. The request's version is its
/// concurrency token: of two decisions, one is saved, the other gets <see cref="ProfilesErrors.AlreadyDecided"/>. The
/// requester is emailed at their own profile's contact email: "log in to view", no names.
/// </summary>
internal sealed class DecideConnectionRequestHandler(ProfilesDbContext db, ICurrentAccount current, StaffGrant grant, ProfileMail mail, TimeProvider clock)
    : IRequestHandler<DecideConnectionRequest, Result>
{
    public async Task<Result> Handle(DecideConnectionRequest request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var staff = current.AccountId!.Value;
        var connection = await db.ConnectionRequests.SingleOrDefaultAsync(r => r.Id == request.RequestId, cancellationToken);
        if (connection is null)
        {
            return Error.NotFound;
        }

        if (connection.State != ConnectionRequestState.Open)
        {
            return new Error(ProfilesErrors.AlreadyDecided);
        }

        connection.Decide(request.Approve, staff, clock.GetUtcNow());
        if (request.Approve)
        {
            var profile = await db.Profiles.SingleAsync(p => p.Id == connection.ProfileId, cancellationToken);
            var granted = await grant.GrantAsync(db, profile, connection.AccountId, connection.Relationship, request.Tabs, staff, cancellationToken);
            if (granted.IsFailure && granted.Errors[0].Key != ProfilesErrors.AlreadyLinked)
            {
                return granted;
            }
        }

        var requester = await db.Accesses.AsNoTracking()
            .Where(a => a.AccountId == connection.AccountId && a.Relationship == Relationship.Self)
            .Join(db.Profiles, a => a.ProfileId, p => p.Id, (a, p) => new { p.FirstName, p.ContactEmail, p.PreferredLanguage })
            .SingleOrDefaultAsync(cancellationToken);
        if (requester?.ContactEmail is { } to)
        {
            mail.Queue(db, to, requester.PreferredLanguage, request.Approve ? "ConnectionApproved" : "ConnectionRefused", ("Name", requester.FirstName));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Error(ProfilesErrors.AlreadyDecided);
        }
    }
}
