using MediatR;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Accounts.Tests.Features;

/// <summary>
/// Issue 9: where to email the accounts Profiles named for a profile's notices. A job or an email link (nobody
/// signed in) and staff get the addresses; a signed-in patient only those of the accounts Profiles lists for that
/// profile in the same session (and Profiles lists nothing for another family), whatever ids are passed.
/// </summary>
public sealed class GetAccountContactsTests
{
    private static readonly Guid Profile = Guid.Parse("0190f000-0000-7000-8000-0000000000aa");

    /// <summary>Profiles' answer, as a test sets it: these accounts for <see cref="Profile"/>, nothing otherwise.</summary>
    private sealed class ProfilesAnswer
    {
        public List<Guid> Linked { get; } = [];
    }

    private sealed class FakeRecipients(ProfilesAnswer answer) : IRequestHandler<ListNotificationRecipients, NotificationRecipients>
    {
        public Task<NotificationRecipients> Handle(ListNotificationRecipients request, CancellationToken cancellationToken) =>
            Task.FromResult(request.ProfileId == Profile ? new NotificationRecipients("Nathan", [.. answer.Linked]) : NotificationRecipients.None);
    }

    private static Task<AccountsHarness> HarnessAsync(DatabaseProvider provider) => AccountsHarness.CreateAsync(provider, replace: s => s
        .AddSingleton<ProfilesAnswer>()
        .AddTransient<IRequestHandler<ListNotificationRecipients, NotificationRecipients>, FakeRecipients>());

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Without_a_session_active_patient_accounts_get_their_email_and_language_and_nothing_else(DatabaseProvider provider)
    {
        await using var accounts = await HarnessAsync(provider);
        var email = Builders.Email();
        var patient = await accounts.ActivePatientAsync(email);
        var staff = await accounts.StaffMemberAsync(Builders.Email());
        accounts.Current.AccountId = null;

        var found = await accounts.SendAsync(new GetAccountContacts(Profile, [patient.AccountId, staff.AccountId, Guid.CreateVersion7(), patient.AccountId]));

        var contact = found.ShouldHaveSingleItem();
        (contact.AccountId, contact.Email).ShouldBe((patient.AccountId, email));
        contact.Language.ShouldStartWith("fr");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_signed_in_patient_gets_only_the_accounts_profiles_links_to_that_profile_and_nothing_for_another_family(DatabaseProvider provider)
    {
        await using var accounts = await HarnessAsync(provider);
        var own = await accounts.ActivePatientAsync(Builders.Email());
        var family = await accounts.ActivePatientAsync(Builders.Email());
        var stranger = await accounts.ActivePatientAsync(Builders.Email());
        accounts.Services.GetRequiredService<ProfilesAnswer>().Linked.AddRange([own.AccountId, family.AccountId]);
        accounts.Current.SignedInAs(own.AccountId, Roles.Patient, secondFactorPassed: true);

        var mine = await accounts.SendAsync(new GetAccountContacts(Profile, [own.AccountId, family.AccountId, stranger.AccountId]));
        var otherProfile = await accounts.SendAsync(new GetAccountContacts(Guid.CreateVersion7(), [stranger.AccountId, own.AccountId]));
        accounts.Current.SignedInAs(Guid.NewGuid(), Roles.Staff, secondFactorPassed: true);
        var asStaff = await accounts.SendAsync(new GetAccountContacts(Guid.CreateVersion7(), [stranger.AccountId]));

        mine.Select(c => c.AccountId).ShouldBe([own.AccountId, family.AccountId]);
        otherProfile.ShouldBeEmpty();
        asStaff.Select(c => c.AccountId).ShouldBe([stranger.AccountId]);
    }
}
