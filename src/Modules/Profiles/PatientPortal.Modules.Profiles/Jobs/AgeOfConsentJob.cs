using System.Globalization;
using Microsoft.Extensions.Logging;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Profiles.Emails;
using Quartz;

namespace PatientPortal.Modules.Profiles.Jobs;

/// <summary>What one run of <see cref="AgeOfConsentJob"/> did (for logs, tests and the test-only clock hook).</summary>
internal sealed record AgeOfConsentRun(int Revoked, int Noticed, int Skipped, int Failed);

/// <summary>
/// The daily age-of-consent job (issue 8, point 5), at 00:05 clinic time and again after any downtime (a missed firing
/// runs once when the scheduler is back).
/// <list type="bullet">
/// <item>Every parent's link that <see cref="ProfileAccess.EndsAtAgeOfConsent"/> and whose person has reached the age
/// of consent is revoked (<see cref="RevocationReason.AgeOfConsentReached"/>, by the portal itself), the proxy and the
/// teen are told by email, and <see cref="ProfileAccessRevoked"/> is published; when the teen has no account of their
/// own, <see cref="ProfileReachedAgeOfConsent"/> too, so that Accounts can invite them.</item>
/// <item>A link that will end within <see cref="NoticeDays"/> days is announced to the proxy once.</item>
/// </list>
/// Access does not wait for this job: <see cref="MayActFor"/> applies the age rule at every request. The job makes the
/// stored state, the audit and the emails follow.
/// <para>
/// <b>Exactly once.</b> Each link is handled in a SaveChanges of its own that carries the revocation (or notice), its
/// audit row, its events and its emails together, guarded by the link's <see cref="ProfileAccess.Version"/>: a second
/// run (a restart, another node, the clock hook) either no longer finds the link due, or loses the race on the version
/// and skips it. A link that fails for another reason is logged and left for the next run without stopping the others.
/// </para>
/// </summary>
[DisallowConcurrentExecution]
internal sealed class AgeOfConsentJob(
    ProfilesDbContext db, ClinicCalendar calendar, ProfileMail mail, TimeProvider clock, ILogger<AgeOfConsentJob> logger) : IJob
{
    public const int NoticeDays = 30;

    /// <summary>Every day at 00:05 in the clinic's time zone (a time that exists on every day, DST included).</summary>
    public const string DefaultCron = "0 5 0 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await RunAsync(cancellationToken);

    public async Task<AgeOfConsentRun> RunAsync(CancellationToken cancellationToken)
    {
        var (revoked, noticed, skipped, failed) = (0, 0, 0, 0);
        var cutoff = calendar.AgeOfConsentCutoff;
        foreach (var id in await EndingLinksAsync(cutoff, cutoff, cancellationToken))
        {
            switch (await OneAsync(id, RevokeAsync, cancellationToken))
            {
                case Outcome.Done: revoked++; break;
                case Outcome.Skipped: skipped++; break;
                default: failed++; break;
            }
        }

        var soon = calendar.AgeOfConsentCutoffOn(calendar.Today.AddDays(NoticeDays));
        foreach (var id in await EndingLinksAsync(soon, cutoff, cancellationToken, noticeOnly: true))
        {
            switch (await OneAsync(id, NoticeAsync, cancellationToken))
            {
                case Outcome.Done: noticed++; break;
                case Outcome.Skipped: skipped++; break;
                default: failed++; break;
            }
        }

        if (revoked + noticed + failed > 0)
        {
            logger.LogInformation("Age of consent: {Revoked} links revoked, {Noticed} notices sent, {Skipped} skipped, {Failed} failed", revoked, noticed, skipped, failed);
        }

        return new AgeOfConsentRun(revoked, noticed, skipped, failed);
    }

    private enum Outcome
    {
        Done,
        Skipped,
        Failed,
    }

    /// <summary>
    /// Ids of the links that end at the age of consent whose person is born on or before <paramref name="bornBy"/>; for
    /// notices, only those not yet announced and whose person has not reached it yet (born after <paramref name="reachedBy"/>).
    /// </summary>
    private Task<List<Guid>> EndingLinksAsync(DateOnly bornBy, DateOnly reachedBy, CancellationToken cancellationToken, bool noticeOnly = false)
    {
        // ProfileAccess.EndsAtAgeOfConsent, as SQL.
        var links = db.Accesses.AsNoTracking()
            .Where(a => a.State == AccessState.Active && a.Relationship != Relationship.Self && !a.PersonConsented);
        var people = db.Profiles.AsNoTracking().Where(p => p.DateOfBirth <= bornBy);
        if (noticeOnly)
        {
            links = links.Where(a => a.AgeNoticeSentUtc == null);
            people = people.Where(p => p.DateOfBirth > reachedBy);
        }

        return links.Join(people, a => a.ProfileId, p => p.Id, (a, p) => a.Id).ToListAsync(cancellationToken);
    }

    private async Task<Outcome> OneAsync(Guid accessId, Func<ProfileAccess, Profile, CancellationToken, Task<bool>> work, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        try
        {
            var access = await db.Accesses.SingleOrDefaultAsync(a => a.Id == accessId, cancellationToken);
            var profile = access is null ? null : await db.Profiles.SingleOrDefaultAsync(p => p.Id == access.ProfileId, cancellationToken);
            // Decided again on the row as it is now: another run may have handled it since the list was read.
            if (access is null || profile is null || !await work(access, profile, cancellationToken))
            {
                return Outcome.Skipped;
            }

            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run (a second node, the clock hook) or a staff change got there first: its save stands, ours is dropped.
            return Outcome.Skipped;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The link's id and what failed; never an address (nor the exception's message, which may quote one).
            logger.LogError("Age of consent: link {AccessId} failed ({Failure}); it is left for the next run", accessId, ex.GetType().Name);
            return Outcome.Failed;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<bool> RevokeAsync(ProfileAccess access, Profile person, CancellationToken cancellationToken)
    {
        if (!access.EndsAtAgeOfConsent || !calendar.HasReachedAgeOfConsent(person.DateOfBirth))
        {
            return false;
        }

        // The first revocation by the portal for this person (a child with two parents has two links): the teen is
        // told, and invited, once.
        var firstForPerson = !await db.AccessChanges.AnyAsync(
            c => c.ProfileId == person.Id && c.Kind == AccessChangeKind.Revoked && c.Basis == ConsentBasis.System, cancellationToken);
        var now = clock.GetUtcNow();
        db.AccessChanges.Add(access.Revoke(RevocationReason.AgeOfConsentReached, changedBy: null, ConsentBasis.System, now));
        db.Publish(new ProfileAccessRevoked(access.AccountId, access.ProfileId, nameof(RevocationReason.AgeOfConsentReached)), clock);

        var proxy = await ProxyAsync(access.AccountId, cancellationToken);
        if (proxy?.ContactEmail is not { } proxyEmail || !mail.Queue(db, proxyEmail, proxy.PreferredLanguage, "AgeOfConsentReachedProxy",
                ("Name", proxy.FirstName), ("Patient", person.FirstName), ("Age", Age)))
        {
            logger.LogWarning("Age of consent: the proxy of link {AccessId} has no usable contact email on their own profile; not told by email", access.Id);
        }

        if (!firstForPerson)
        {
            return true;
        }

        var hasOwnAccount = await db.Accesses.AnyAsync(
            a => a.ProfileId == person.Id && a.Relationship == Relationship.Self && a.State != AccessState.Revoked, cancellationToken);
        // The record's email is the teen's only when it is nobody else's: parents often leave their own on a child's
        // record, and an invitation (whose code is a birth date or card digits a parent knows) must not reach them.
        var teenEmail = await IsTheTeensOwnAsync(person, cancellationToken) ? person.ContactEmail : null;
        if (teenEmail is not null)
        {
            mail.Queue(db, teenEmail, person.PreferredLanguage, hasOwnAccount ? "AgeOfConsentReachedPatient" : "AgeOfConsentReachedPatientNoAccount",
                ("Name", person.FirstName), ("Age", Age));
        }

        if (!hasOwnAccount)
        {
            db.Publish(new ProfileReachedAgeOfConsent(person.Id, person.FirstName, person.LastName, person.DateOfBirth,
                person.HealthInsuranceNumber, teenEmail, person.PreferredLanguage), clock);
        }

        return true;
    }

    private async Task<bool> NoticeAsync(ProfileAccess access, Profile person, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        if (!access.EndsAtAgeOfConsent || access.AgeNoticeSentUtc is not null || calendar.HasReachedAgeOfConsent(person.DateOfBirth)
            || person.DateOfBirth > calendar.AgeOfConsentCutoffOn(today.AddDays(NoticeDays)))
        {
            return false;
        }

        access.AgeNoticeSent(clock.GetUtcNow());
        var proxy = await ProxyAsync(access.AccountId, cancellationToken);
        if (proxy?.ContactEmail is { } proxyEmail)
        {
            var french = proxy.PreferredLanguage.StartsWith("fr", StringComparison.OrdinalIgnoreCase);
            var day = calendar.AgeOfConsentDay(person.DateOfBirth)
                .ToString(french ? "d MMMM yyyy" : "MMMM d, yyyy", CultureInfo.GetCultureInfo(french ? "fr-CA" : "en-CA"));
            mail.Queue(db, proxyEmail, proxy.PreferredLanguage, "AgeOfConsentSoon",
                ("Name", proxy.FirstName), ("Patient", person.FirstName), ("Age", Age), ("Date", day));
        }

        // Recorded even when there is nobody to tell: the notice is not tried again every day.
        return true;
    }

    /// <summary>True when the record has a contact email that is neither the guardian's on file nor any proxy's own.</summary>
    private async Task<bool> IsTheTeensOwnAsync(Profile person, CancellationToken cancellationToken)
    {
        if (person.ContactEmail is not { } email || string.Equals(email, person.GuardianEmail, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var proxies = db.Accesses.AsNoTracking().Where(a => a.ProfileId == person.Id && a.Relationship != Relationship.Self).Select(a => a.AccountId);
        var proxyAddresses = await db.Accesses.AsNoTracking()
            .Where(s => s.Relationship == Relationship.Self && proxies.Contains(s.AccountId))
            .Join(db.Profiles.AsNoTracking(), s => s.ProfileId, p => p.Id, (s, p) => p.ContactEmail)
            .ToListAsync(cancellationToken);
        return !proxyAddresses.Any(a => string.Equals(a, email, StringComparison.OrdinalIgnoreCase));
    }

    private string Age => calendar.AgeOfConsent.ToString(CultureInfo.InvariantCulture);

    /// <summary>The proxy's own profile (their Self link): where their contact email and language are.</summary>
    private Task<Profile?> ProxyAsync(Guid accountId, CancellationToken cancellationToken) =>
        db.Accesses.AsNoTracking()
            .Where(a => a.AccountId == accountId && a.Relationship == Relationship.Self)
            .Join(db.Profiles.AsNoTracking(), a => a.ProfileId, p => p.Id, (a, p) => p)
            .FirstOrDefaultAsync(cancellationToken);
}
