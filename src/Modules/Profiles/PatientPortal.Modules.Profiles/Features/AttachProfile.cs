using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Features;

internal sealed class AttachProfileValidator : AbstractValidator<AttachProfile>
{
    public AttachProfileValidator()
    {
        RuleFor(r => r.AccountEmail).NotEmpty().WithErrorCode(ProfilesErrors.AccountEmailRequired).MaximumLength(320).WithErrorCode(ProfilesErrors.AccountEmailRequired);
        RuleFor(r => r.Relationship)
            .Must(r => r is Relationship.Parent or Relationship.Guardian or Relationship.Caregiver).WithErrorCode(ProfilesErrors.RelationshipInvalid);
        RuleFor(r => r.Tabs).Must(t => (t & ~ProfileTabs.All) == 0).WithErrorCode(ProfilesErrors.TabsInvalid);
    }
}

/// <summary>
/// The account is found by its sign-in email through Accounts' <see cref="FindPatientAccount"/> (staff only there too).
/// The account's own record is refused (a Self link is made only by registration or a confirmed suggestion). Two staff
/// attaching at once: the unique account+profile index lets one insert; the other reads again and finds the link.
/// </summary>
internal sealed class AttachProfileHandler(ProfilesDbContext db, ICurrentAccount current, IMediator mediator, StaffGrant grant)
    : IRequestHandler<AttachProfile, Result<AccessState>>
{
    public async Task<Result<AccessState>> Handle(AttachProfile request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var found = await mediator.Send(new FindPatientAccount(request.AccountEmail), cancellationToken);
        if (found.IsFailure)
        {
            return Result.Failure<AccessState>([.. found.Errors.Select(e => e.Field is null ? e : e with { Field = nameof(request.AccountEmail) })]);
        }

        var accountId = found.Value;
        return await ConcurrencyRetry.RunAsync(db, async () =>
        {
            var profile = await db.Profiles.SingleOrDefaultAsync(p => p.Id == request.ProfileId, cancellationToken);
            if (profile is null)
            {
                return Error.NotFound;
            }

            var granted = await grant.GrantAsync(db, profile, accountId, request.Relationship, request.Tabs, current.AccountId!.Value, cancellationToken);
            if (granted.IsSuccess)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return granted;
        });
    }
}
