using System.Globalization;
using Microsoft.Extensions.Options;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Emails;

namespace PatientPortal.Modules.Profiles.Features;

internal sealed class ConnectProfileValidator : AbstractValidator<ConnectProfile>
{
    public ConnectProfileValidator(ClinicCalendar calendar)
    {
        RuleFor(r => r.FirstName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.LastName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.DateOfBirth).NotEmpty();
        RuleFor(r => r.DateOfBirth).Must(d => d <= calendar.Today).When(r => r.DateOfBirth != default)
            .WithErrorCode(ProfilesErrors.DateOfBirthInFuture);
        RuleFor(r => r.HealthInsuranceNumber).NotEmpty().MaximumLength(20);
        // The Quebec page: "health insurance card number without special characters".
        RuleFor(r => r.HealthInsuranceNumber).Must(LettersAndDigitsOnly).When(r => !string.IsNullOrWhiteSpace(r.HealthInsuranceNumber))
            .WithErrorCode(ProfilesErrors.CardLettersAndDigitsOnly);
        RuleFor(r => r.Relationship).Must(r => r is Relationship.Parent or Relationship.Guardian or Relationship.Caregiver)
            .WithErrorCode(ProfilesErrors.RelationshipInvalid);
    }

    private static bool LettersAndDigitsOnly(string value) => value.Trim().All(char.IsAsciiLetterOrDigit);
}

/// <summary>
/// Connected Accounts. The attempt is saved (and counted) first, under a per-account lock, so parallel attempts cannot
/// all slip under the daily limit; then the clinic's records are searched by card and date of birth (indexed) and the
/// few candidates compared by name in memory (case and accents aside). Knowing a child's card number is not enough:
/// only the guardian on file (the record's guardian email is this account's sign-in email, asked of Accounts) connects
/// at once; anyone else's match becomes a request for staff. Every attempt ends with its true outcome in the audit.
/// <para>
/// Not a match oracle: apart from <see cref="ConnectOutcome.Connected"/> (the caller's own child on file), every outcome
/// is the neutral <see cref="ConnectOutcome.Submitted"/>, and what the requester can see afterwards does not tell a match
/// from no match until someone decides: <see cref="ListMyConnectionRequests"/> lists every submission by its date only,
/// and a pending link to a person of age is not among the requester's profiles (<see cref="GetMyProfiles"/>). After a
/// refusal (the person declined or removed this account's access, or staff refused its request) the account may not ask
/// again for that person for <see cref="ProfilesOptions.ConnectionCooldownDays"/> days: nothing is sent, the answer is
/// the same, and the attempt is audited as <see cref="ConnectionOutcome.CoolingDown"/>.
/// </para>
/// </summary>
internal sealed class ConnectProfileHandler(
    ProfilesDbContext db, ICurrentAccount current, IMediator mediator, ClinicCalendar calendar, ProfileMail mail,
    IOptions<ProfilesOptions> options, TimeProvider clock)
    : IRequestHandler<ConnectProfile, Result<ConnectOutcome>>
{
    // Keeps these advisory locks apart from any other use of pg_advisory_xact_lock on the database.
    private const long LockSpace = 0x50524F46494C4553; // "PROFILES"

    public async Task<Result<ConnectOutcome>> Handle(ConnectProfile request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return Error.Forbidden;
        }

        var (attemptId, attemptsToday) = await BeginAttemptAsync(accountId, cancellationToken);
        var limit = options.Value.MaxConnectionAttemptsPerDay;
        if (attemptsToday > limit)
        {
            var attempt = await db.ConnectionAttempts.SingleAsync(a => a.Id == attemptId, cancellationToken);
            attempt.End(ConnectionOutcome.Refused, profileId: null);
            await db.SaveChangesAsync(cancellationToken);
            return new Error(ProfilesErrors.TooManyConnectionAttempts) { Arguments = [limit.ToString(CultureInfo.InvariantCulture)] };
        }

        // Two attempts for the same person may race to open the same link or request: the loser retries and finds it.
        return await ConcurrencyRetry.RunAsync(db, () => ConnectAsync(accountId, attemptId, request, cancellationToken));
    }

    /// <summary>Saves the attempt and counts the account's attempts of the clinic day, this one included, one account at a time.</summary>
    private async Task<(Guid AttemptId, int AttemptsToday)> BeginAttemptAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var dayStart = calendar.StartOf(calendar.Today);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await WriteLock.BeginAsync(db, LockSpace, [accountId], cancellationToken);
            var attempt = ConnectionAttempt.Begin(accountId, now);
            db.ConnectionAttempts.Add(attempt);
            await db.SaveChangesAsync(cancellationToken);
            var count = await db.ConnectionAttempts.CountAsync(a => a.AccountId == accountId && a.AttemptedUtc >= dayStart, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (attempt.Id, count);
        });
    }

    private async Task<Result<ConnectOutcome>> ConnectAsync(Guid accountId, Guid attemptId, ConnectProfile request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var attempt = await db.ConnectionAttempts.SingleAsync(a => a.Id == attemptId, cancellationToken);
        var card = Profile.NormalizeHealthInsuranceNumber(request.HealthInsuranceNumber);
        var candidates = await db.Profiles.AsNoTracking()
            .Where(p => p.HealthInsuranceNumber == card && p.DateOfBirth == request.DateOfBirth)
            .Select(p => new { p.Id, p.FirstName, p.LastName })
            .ToListAsync(cancellationToken);
        var matches = candidates
            .Where(p => PersonName.Same(p.FirstName, request.FirstName) && PersonName.Same(p.LastName, request.LastName))
            .Select(p => p.Id)
            .ToList();
        if (await TheOneAsync(matches, cancellationToken) is not { } profileId)
        {
            return await SubmittedAsync(attempt, ConnectionOutcome.NoMatch, profileId: null, cancellationToken);
        }

        var profile = await db.Profiles.SingleAsync(p => p.Id == profileId, cancellationToken);
        var own = await OwnProfile.IdOfAsync(db, accountId, cancellationToken) is { } ownId
            ? await db.Profiles.AsNoTracking().SingleAsync(p => p.Id == ownId, cancellationToken)
            : null;
        var reached = calendar.HasReachedAgeOfConsent(profile.DateOfBirth);
        var existing = await db.Accesses.SingleOrDefaultAsync(a => a.AccountId == accountId && a.ProfileId == profile.Id, cancellationToken);
        // The caller's own record (or a copy of it: same card and birth date), or a link that is still pending or active.
        if (own is null
            || own.Id == profile.Id
            || (own.HealthInsuranceNumber == profile.HealthInsuranceNumber && own.DateOfBirth == profile.DateOfBirth)
            || (existing is not null && (existing.Relationship == Relationship.Self || existing.StateNow(reached) != AccessState.Revoked)))
        {
            return await SubmittedAsync(attempt, ConnectionOutcome.AlreadyConnected, profile.Id, cancellationToken);
        }

        if (await IsCoolingDownAsync(accountId, profile.Id, existing, now, cancellationToken))
        {
            return await SubmittedAsync(attempt, ConnectionOutcome.CoolingDown, profile.Id, cancellationToken);
        }

        if (!reached)
        {
            if (await IsGuardianOnFileAsync(profile, cancellationToken))
            {
                Link(existing, accountId, profile.Id, request.Relationship, AccessState.Active, ConsentBasis.GuardianOnFile, now);
                attempt.End(ConnectionOutcome.Connected, profile.Id);
                await db.SaveChangesAsync(cancellationToken);
                return ConnectOutcome.Connected;
            }

            // One open request per account and profile (a unique index, when two attempts race).
            if (!await db.ConnectionRequests.AnyAsync(
                r => r.AccountId == accountId && r.ProfileId == profile.Id && r.State == ConnectionRequestState.Open, cancellationToken))
            {
                db.ConnectionRequests.Add(ConnectionRequest.Open(accountId, profile.Id, request.Relationship, now));
            }

            attempt.End(ConnectionOutcome.RequestedFromStaff, profile.Id);
            await db.SaveChangesAsync(cancellationToken);
            return ConnectOutcome.Submitted;
        }

        // At or over the age of consent: pending until the person approves from their own account (if they have none
        // yet, the request waits for them).
        Link(existing, accountId, profile.Id, request.Relationship, AccessState.PendingConsent, ConsentBasis.ProxyRequest, now);
        if (profile.ContactEmail is { } to)
        {
            mail.Queue(db, to, profile.PreferredLanguage, "ConsentRequested", ("Link", mail.ConnectedAccountsLink), ("Name", profile.FirstName), ("Requester", $"{own.FirstName} {own.LastName}"));
        }

        attempt.End(ConnectionOutcome.ConsentRequested, profile.Id);
        await db.SaveChangesAsync(cancellationToken);
        return ConnectOutcome.Submitted;
    }

    /// <summary>
    /// One record, or none. A self-registered account's new record that copies a clinic record (a link suggestion staff
    /// have not confirmed: still open, or refused) is never the one: whoever registered with another person's name,
    /// birth date and card must not receive that person's connection requests. When several remain, the one a person owns.
    /// </summary>
    private async Task<Guid?> TheOneAsync(List<Guid> matches, CancellationToken cancellationToken)
    {
        var unconfirmedCopies = await db.LinkSuggestions.AsNoTracking()
            .Where(s => matches.Contains(s.NewProfileId) && s.State != LinkSuggestionState.Confirmed)
            .Select(s => s.NewProfileId)
            .ToListAsync(cancellationToken);
        matches.RemoveAll(unconfirmedCopies.Contains);
        if (matches.Count <= 1)
        {
            return matches.Count == 1 ? matches[0] : null;
        }

        var owned = await db.Accesses.AsNoTracking()
            .Where(a => matches.Contains(a.ProfileId) && a.Relationship == Relationship.Self && a.State == AccessState.Active)
            .Select(a => a.ProfileId)
            .Distinct()
            .ToListAsync(cancellationToken);
        return owned.Count == 1 ? owned[0] : null;
    }

    /// <summary>The record's guardian email is the caller's sign-in email now (asked of Accounts, case aside).</summary>
    private async Task<bool> IsGuardianOnFileAsync(Profile profile, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(profile.GuardianEmail))
        {
            return false;
        }

        var details = await mediator.Send(new GetSignInDetails(), cancellationToken);
        return details.IsSuccess && string.Equals(details.Value.Email.Trim(), profile.GuardianEmail.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A new proxy link with every tab, or the revoked one made again (one row per account and profile).</summary>
    private void Link(ProfileAccess? existing, Guid accountId, Guid profileId, Relationship relationship, AccessState state, ConsentBasis basis, DateTimeOffset now)
    {
        var access = existing;
        if (access is null)
        {
            (access, var granted) = ProfileAccess.GrantProxy(accountId, profileId, relationship, ProfileTabs.All, state, accountId, consentGivenBy: null, basis, now);
            db.Accesses.Add(access);
            db.AccessChanges.Add(granted);
        }
        else
        {
            db.AccessChanges.Add(access.Renew(relationship, ProfileTabs.All, state, accountId, consentGivenBy: null, basis, now));
        }

        db.Publish(new ProfileAccessGranted(accountId, profileId, access.Relationship, access.State, access.Permissions), clock);
    }

    /// <summary>
    /// The person declined this account's request or removed its access, or staff refused this account's request for
    /// them, less than the cooldown ago. (A link revoked by staff or at the age of consent is not a refusal by the person.)
    /// </summary>
    private async Task<bool> IsCoolingDownAsync(Guid accountId, Guid profileId, ProfileAccess? existing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-options.Value.ConnectionCooldownDays);
        if (existing is { State: AccessState.Revoked, RevokedReason: RevocationReason.ConsentDeclined or RevocationReason.RevokedByPatient, RevokedUtc: { } revoked }
            && revoked > since)
        {
            return true;
        }

        var refusals = await db.ConnectionRequests.AsNoTracking()
            .Where(r => r.AccountId == accountId && r.ProfileId == profileId && r.State == ConnectionRequestState.Refused)
            .Select(r => r.DecidedUtc)
            .ToListAsync(cancellationToken);
        return refusals.Any(decided => decided > since);
    }

    /// <summary>The neutral answer, whatever the true outcome (which the attempt's audit keeps).</summary>
    private async Task<Result<ConnectOutcome>> SubmittedAsync(ConnectionAttempt attempt, ConnectionOutcome outcome, Guid? profileId, CancellationToken cancellationToken)
    {
        attempt.End(outcome, profileId);
        await db.SaveChangesAsync(cancellationToken);
        return ConnectOutcome.Submitted;
    }
}
