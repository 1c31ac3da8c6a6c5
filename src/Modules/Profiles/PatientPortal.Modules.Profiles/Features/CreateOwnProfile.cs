using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>
/// An account became usable (Accounts' <see cref="AccountRegistered"/>): give it its own profile.
/// <list type="bullet">
/// <item>Invited by the clinic (the event carries the record staff invited from, or the clinic's patient id staff typed on
/// the invitation): the account is linked to that record, or to a new record that carries that id; Self, active, every
/// tab.</item>
/// <item>Registered on its own: a new profile with the details the account gave, Self and active. It never takes over an
/// existing record: a health card number and a date of birth are not secrets. A record with the same card number and
/// date of birth becomes a <see cref="LinkSuggestion"/> for staff, with no access to it.</item>
/// </list>
/// The base records the event id with these changes, so a second delivery does nothing; an account that already has its
/// own profile (the event sent again under another id) is left as it is.
/// </summary>
internal sealed class CreateOwnProfile(ProfilesDbContext db, TimeProvider clock)
    : IntegrationEventConsumer<AccountRegistered, ProfilesDbContext>(db, clock)
{
    private readonly TimeProvider _clock = clock;

    protected override async Task ApplyAsync(AccountRegistered registered, CancellationToken cancellationToken)
    {
        if (await Db.Accesses.AnyAsync(a => a.AccountId == registered.AccountId && a.Relationship == Relationship.Self, cancellationToken))
        {
            return;
        }

        var now = _clock.GetUtcNow();
        var clinicPatientId = string.IsNullOrWhiteSpace(registered.ClinicPatientId) ? null : registered.ClinicPatientId.Trim();
        // Staff invited from a record (its id), or typed its chart number on the invitation.
        var invitedRecord = registered.ProfileId is { } profileId
            ? await Db.Profiles.SingleOrDefaultAsync(p => p.Id == profileId, cancellationToken)
            : null;
        if (invitedRecord is not null || clinicPatientId is not null)
        {
            var invited = invitedRecord ?? await Db.Profiles.SingleOrDefaultAsync(p => p.ClinicPatientId == clinicPatientId, cancellationToken);
            if (invited is null)
            {
                Own(NewProfile(registered, clinicPatientId, now), registered.AccountId, ConsentBasis.ClinicInvitation, now);
                return;
            }

            // The record is someone's own already (staff put one chart number on two invitations): it is not handed over.
            if (!await Db.Accesses.AnyAsync(a => a.ProfileId == invited.Id && a.Relationship == Relationship.Self && a.State != AccessState.Revoked, cancellationToken))
            {
                invited.UseContactEmailIfNone(registered.Email, now);
                Own(invited, registered.AccountId, ConsentBasis.ClinicInvitation, now);
                return;
            }

            var own = NewProfile(registered, clinicPatientId: null, now);
            Own(own, registered.AccountId, ConsentBasis.ClinicInvitation, now);
            Db.LinkSuggestions.Add(LinkSuggestion.Open(registered.AccountId, own.Id, invited.Id, now));
            return;
        }

        var profile = NewProfile(registered, clinicPatientId: null, now);
        Own(profile, registered.AccountId, ConsentBasis.OwnRegistration, now);
        var card = profile.HealthInsuranceNumber;
        if (card is null)
        {
            return;
        }

        var likelyMatches = await Db.Profiles
            .Where(p => p.HealthInsuranceNumber == card && p.DateOfBirth == registered.DateOfBirth)
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        foreach (var existing in likelyMatches)
        {
            Db.LinkSuggestions.Add(LinkSuggestion.Open(registered.AccountId, profile.Id, existing, now));
        }
    }

    private Profile NewProfile(AccountRegistered registered, string? clinicPatientId, DateTimeOffset now)
    {
        var profile = Profile.Create(
            registered.FirstName, registered.LastName, registered.DateOfBirth, registered.HealthInsuranceNumber, registered.Email,
            registered.Language, Phones(registered), clinicPatientId, now);
        Db.Profiles.Add(profile);
        return profile;
    }

    private void Own(Profile profile, Guid accountId, ConsentBasis basis, DateTimeOffset now)
    {
        var (access, change) = ProfileAccess.GrantSelf(accountId, profile.Id, basis, now);
        Db.Accesses.Add(access);
        Db.AccessChanges.Add(change);
    }

    private static IEnumerable<ProfilePhone> Phones(AccountRegistered registered)
    {
        if (!string.IsNullOrWhiteSpace(registered.PrimaryPhone))
        {
            yield return new ProfilePhone(registered.PrimaryPhone.Trim(), registered.PrimaryPhoneType ?? "Home");
        }

        if (!string.IsNullOrWhiteSpace(registered.SecondaryPhone))
        {
            yield return new ProfilePhone(registered.SecondaryPhone.Trim(), registered.SecondaryPhoneType ?? "Home");
        }
    }
}
