using MediatR;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Accounts.Tests.Features;

/// <summary>
/// A teen reached the age of consent with no account (Profiles' ProfileReachedAgeOfConsent): Accounts invites them,
/// with the code they know (card digits or birth date), to an account linked to their own record; never to an address
/// an account holds, never twice.
/// </summary>
public sealed class InviteTeenAtAgeOfConsentTests
{
    private static readonly DateOnly Born = new(2012, 1, 10);

    private static ProfileReachedAgeOfConsent Reached(string? email, string? card = "MILN 1201 1012", DateOnly? born = null, Guid? profileId = null) =>
        new(profileId ?? Guid.CreateVersion7(), "Nathan", "Milner", born ?? Born, card, email, "en-CA");

    private static async Task DeliverAsync(AccountsHarness accounts, ProfileReachedAgeOfConsent reached)
    {
        using var scope = accounts.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(reached);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_teen_is_invited_with_the_card_s_last_4_digits_and_the_account_is_linked_to_their_record(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var reached = Reached(email);

        await DeliverAsync(accounts, reached);
        await DeliverAsync(accounts, reached);

        var invitation = await accounts.QueryAsync(db => db.Invitations.AsNoTracking().SingleAsync());
        (invitation.ProfileId, invitation.QuebecVariant, invitation.InvitedBy, invitation.Language).ShouldBe((reached.ProfileId, true, Guid.Empty, "en-CA"));
        var mail = (await accounts.MailsToAsync(email)).ShouldHaveSingleItem();
        mail.TextBody.ShouldContain("the last 4 digits of your health insurance card");
        mail.TextBody.ShouldNotContain("1012");
        var token = await accounts.TokenMailedToAsync(email);
        (await accounts.SendAsync(new GetInvitation(token))).Value.ShouldBe(new InvitationView(true, false));

        var wrong = await accounts.SendAsync(new AcceptInvitation(token, email, "0000", Builders.Password, Builders.Password, "4821", true));
        wrong.ShouldFailWith("Accounts.InvitationDetailsWrong");
        var activation = await accounts.SendAsync(new AcceptInvitation(token, email, "1012", Builders.Password, Builders.Password, "4821", true));
        (await accounts.SendAsync(new AcceptTermsAndActivate(activation.Value, "2026-01", null, null))).IsSuccess.ShouldBeTrue();

        var registered = (await accounts.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()))
            .Single(m => m.Type.StartsWith(typeof(AccountRegistered).FullName + ",", StringComparison.Ordinal));
        registered.Payload.ShouldContain($"\"ProfileId\":\"{reached.ProfileId}\"");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task With_no_card_on_file_the_code_is_the_date_of_birth(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();

        await DeliverAsync(accounts, Reached(email, card: null));

        (await accounts.MailsToAsync(email)).ShouldHaveSingleItem().TextBody.ShouldContain("your date of birth");
        var token = await accounts.TokenMailedToAsync(email);
        (await accounts.SendAsync(new GetInvitation(token))).Value.ShouldBe(new InvitationView(true, true));
        (await accounts.SendAsync(new AcceptInvitation(token, email, "20120110", Builders.Password, Builders.Password, "4821", true))).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_address_an_account_holds_is_never_invited(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        // The parent wrote their own address on the child's record: they know the birth date and the card.
        var parent = Builders.Email();
        await accounts.ActivePatientAsync(parent);
        var before = (await accounts.MailsToAsync(parent)).Count;

        await DeliverAsync(accounts, Reached(parent.ToUpperInvariant()));

        (await accounts.QueryAsync(db => db.Invitations.CountAsync())).ShouldBe(0);
        (await accounts.MailsToAsync(parent)).Count.ShouldBe(before);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_open_invitation_for_the_record_or_the_address_is_not_doubled(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var first = Reached(email);

        await DeliverAsync(accounts, first);
        // A second parent's link ended too (another event for the same record), and a record sharing the address.
        await DeliverAsync(accounts, Reached(Builders.Email(), profileId: first.ProfileId));
        await DeliverAsync(accounts, Reached(email));

        (await accounts.QueryAsync(db => db.Invitations.CountAsync())).ShouldBe(1);

        // Once it has expired, a new event may invite again.
        accounts.Clock.Advance(TimeSpan.FromDays(8));
        await DeliverAsync(accounts, Reached(email, profileId: first.ProfileId));
        (await accounts.QueryAsync(db => db.Invitations.CountAsync())).ShouldBe(2);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not an address")]
    public async Task No_usable_email_or_an_event_before_the_age_of_consent_invites_nobody(string? email)
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);

        await DeliverAsync(accounts, Reached(email));
        await DeliverAsync(accounts, Reached(Builders.Email(), born: new DateOnly(2013, 1, 10)));

        (await accounts.QueryAsync(db => db.Invitations.CountAsync())).ShouldBe(0);
        (await accounts.QueryAsync(db => db.QueuedEmails.CountAsync())).ShouldBe(0);
    }
}
