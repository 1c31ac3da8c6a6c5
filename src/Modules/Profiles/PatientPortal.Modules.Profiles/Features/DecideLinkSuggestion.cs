using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>Confirming needs a recorded identity check (one of the known ways); refusing needs none.</summary>
internal sealed class DecideLinkSuggestionValidator : AbstractValidator<DecideLinkSuggestion>
{
    public DecideLinkSuggestionValidator() =>
        RuleFor(r => r.IdentityCheck).Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(ProfilesErrors.IdentityCheckRequired)
            .IsInEnum().WithErrorCode(ProfilesErrors.IdentityCheckRequired)
            .When(r => r.Confirm);
}

/// <summary>
/// One decision per suggestion: the first statement of the transaction claims the open suggestion with a conditional
/// UPDATE, so a second decision (a double click, two staff) finds it decided. Confirming moves the account's own link
/// to the existing record: the same row, since an account has one Self link (unique index) and one row per record. It is
/// refused when the record already is someone's own, or when the account already has a link to it (a parent's, say):
/// staff sort that out first. Other open suggestions for the account are closed. How staff checked the person's identity
/// is stored on the suggestion with the decision (who, when), in the same claiming UPDATE; "the sign-in email is the
/// contact email on the record" is checked (asked of Accounts) and refused when it is not so.
/// </summary>
internal sealed class DecideLinkSuggestionHandler(ProfilesDbContext db, ICurrentAccount current, IMediator mediator, ClinicCalendar calendar, TimeProvider clock)
    : IRequestHandler<DecideLinkSuggestion, Result>
{
    public async Task<Result> Handle(DecideLinkSuggestion request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var staff = current.AccountId!.Value;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var decided = LinkSuggestion.Decided(request.Confirm);
            var claimed = await db.LinkSuggestions
                .Where(s => s.Id == request.SuggestionId && s.State == LinkSuggestionState.Open)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.State, decided)
                    .SetProperty(x => x.DecidedBy, staff)
                    .SetProperty(x => x.IdentityCheck, request.Confirm ? request.IdentityCheck : null)
                    .SetProperty(x => x.DecidedUtc, now), cancellationToken);
            if (claimed == 0)
            {
                return await db.LinkSuggestions.AnyAsync(s => s.Id == request.SuggestionId, cancellationToken)
                    ? new Error(ProfilesErrors.AlreadyDecided)
                    : Error.NotFound;
            }

            if (request.Confirm)
            {
                var suggestion = await db.LinkSuggestions.AsNoTracking().SingleAsync(s => s.Id == request.SuggestionId, cancellationToken);
                var moved = await MoveAsync(suggestion, staff, now, cancellationToken);
                if (moved.IsFailure)
                {
                    // The claim is rolled back with the transaction: the suggestion stays open.
                    return moved;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Result.Success();
        });
    }

    private async Task<Result> MoveAsync(LinkSuggestion suggestion, Guid staff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var own = await db.Accesses.SingleOrDefaultAsync(a => a.AccountId == suggestion.AccountId && a.Relationship == Relationship.Self, cancellationToken);
        if (own is null || own.ProfileId != suggestion.NewProfileId)
        {
            return new Error(ProfilesErrors.AccountHasOtherLink);
        }

        if (suggestion.IdentityCheck == IdentityCheck.EmailOnFile && await EmailOnFileFallsShortAsync(suggestion, cancellationToken) is { } shortfall)
        {
            return new Error(shortfall);
        }

        if (await db.Accesses.AnyAsync(a => a.ProfileId == suggestion.ExistingProfileId && a.Relationship == Relationship.Self && a.State != AccessState.Revoked, cancellationToken))
        {
            return new Error(ProfilesErrors.RecordHasOwner);
        }

        if (await db.Accesses.AnyAsync(a => a.AccountId == suggestion.AccountId && a.ProfileId == suggestion.ExistingProfileId, cancellationToken))
        {
            return new Error(ProfilesErrors.AccountHasOtherLink);
        }

        db.AccessChanges.Add(own.MoveSelfTo(suggestion.ExistingProfileId, staff, now));
        db.Publish(new ProfileAccessRevoked(suggestion.AccountId, suggestion.NewProfileId, nameof(RevocationReason.RevokedByStaff)), clock);
        db.Publish(new ProfileAccessGranted(suggestion.AccountId, suggestion.ExistingProfileId, Relationship.Self, AccessState.Active, ProfileTabs.All), clock);
        var others = await db.LinkSuggestions
            .Where(s => s.AccountId == suggestion.AccountId && s.State == LinkSuggestionState.Open && s.Id != suggestion.Id)
            .ToListAsync(cancellationToken);
        foreach (var other in others)
        {
            other.Close(staff, now);
        }

        return Result.Success();
    }

    /// <summary>
    /// "Email on file matches" proves who registered only when the record's contact email is the sign-in email AND that
    /// address cannot be a parent's: not the guardian email on file, no parent or guardian linked to the record, and the
    /// person at or over the age of consent. Otherwise a parent whose address is on a teen's file could register as the
    /// teen and become the teen's own account; staff must then check identity in person or by phone.
    /// </summary>
    private async Task<string?> EmailOnFileFallsShortAsync(LinkSuggestion suggestion, CancellationToken cancellationToken)
    {
        var record = await db.Profiles.AsNoTracking().Where(p => p.Id == suggestion.ExistingProfileId)
            .Select(p => new { p.ContactEmail, p.GuardianEmail, p.DateOfBirth }).SingleAsync(cancellationToken);
        var accounts = await mediator.Send(new GetPatientAccountSummaries([suggestion.AccountId]), cancellationToken);
        if (string.IsNullOrWhiteSpace(record.ContactEmail) || !accounts.IsSuccess || accounts.Value.SingleOrDefault() is not { } account
            || !string.Equals(account.Email.Trim(), record.ContactEmail.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return ProfilesErrors.IdentityCheckEmailDiffers;
        }

        var parentsLinked = await db.Accesses.AnyAsync(
            a => a.ProfileId == suggestion.ExistingProfileId && (a.Relationship == Relationship.Parent || a.Relationship == Relationship.Guardian)
                && a.State != AccessState.Revoked,
            cancellationToken);
        return parentsLinked
            || !calendar.HasReachedAgeOfConsent(record.DateOfBirth)
            || string.Equals(account.Email.Trim(), record.GuardianEmail?.Trim(), StringComparison.OrdinalIgnoreCase)
            ? ProfilesErrors.IdentityCheckEmailNotEnough
            : null;
    }
}
