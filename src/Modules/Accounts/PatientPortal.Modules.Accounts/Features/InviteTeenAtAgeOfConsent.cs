using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Accounts.Features;

/// <summary>
/// A patient reached the age of consent with no account of their own (Profiles' <see cref="ProfileReachedAgeOfConsent"/>):
/// when their record has an email that no account holds, invite them to create their own account. The invitation
/// names their record (<see cref="Invitation.ProfileId"/>), so accepting it links the new account to it
/// (CreateOwnProfile). Nobody at the clinic hands this invitation a code, so it always uses the code the teen knows:
/// the last 4 digits of their health card, or their date of birth when no card is on file (the Quebec variant, with
/// its recovery PIN and privacy policy). See ADR 0013.
/// <para>
/// Nothing is sent when the address belongs to an account (a parent who wrote their own address on the child's
/// record must not be able to claim the teen's file with the birth date they know), when an invitation for this
/// record or this address is still open, or when the record has no usable email. Delivered twice, it has its effect once
/// (the base records the event id).
/// </para>
/// </summary>
internal sealed class InviteTeenAtAgeOfConsent(
    AccountsDbContext db, InvitationMail invitations, IOptions<AccountsOptions> options, ClinicCalendar calendar, TimeProvider clock)
    : IntegrationEventConsumer<ProfileReachedAgeOfConsent, AccountsDbContext>(db, clock)
{
    private readonly TimeProvider _clock = clock;

    protected override async Task ApplyAsync(ProfileReachedAgeOfConsent reached, CancellationToken cancellationToken)
    {
        if (EmailAddress.Canonical(reached.ContactEmail) is not { } email || !calendar.HasReachedAgeOfConsent(reached.DateOfBirth))
        {
            return;
        }

        var now = _clock.GetUtcNow();
        var normalized = Account.Normalize(email);
        if (await UnclaimedAccounts.HolderAsync(Db, normalized, options.Value.ActivationLinkLifetime, now, cancellationToken) is not null)
        {
            return;
        }

        var open = await Db.Invitations.AsNoTracking()
            .Where(i => (i.ProfileId == reached.ProfileId || i.NormalizedEmail == normalized) && i.UsedUtc == null && i.LockedUtc == null && i.ExpiresUtc > now)
            .AnyAsync(cancellationToken);
        if (open)
        {
            return;
        }

        var card = AccountRules.NormalizeHealthInsuranceNumber(reached.HealthInsuranceNumber);
        var details = new AccountDetails(reached.FirstName, reached.LastName, reached.DateOfBirth, ProfileId: reached.ProfileId);
        var invitation = Invitation.Create(Invitation.ByThePortal, email, details,
            card.Count(char.IsDigit) >= 4 ? card : null, AccountRules.Culture(reached.PreferredLanguage), quebecVariant: true);
        Db.Invitations.Add(invitation);
        invitations.Send(Db, invitation);
    }
}
