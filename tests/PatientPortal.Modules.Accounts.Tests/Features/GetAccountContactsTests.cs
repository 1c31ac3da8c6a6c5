namespace PatientPortal.Modules.Accounts.Tests.Features;

/// <summary>
/// Issue 9: where to email the accounts Profiles named for a profile's notices: active patient accounts' addresses
/// and languages, whoever is signed in (modules only: an email link's action in a browser signed in to another account
/// must still reach the patient).
/// </summary>
public sealed class GetAccountContactsTests
{
    private static readonly Guid Profile = Guid.Parse("0190f000-0000-7000-8000-0000000000aa");

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Active_patient_accounts_get_their_email_and_language_and_nothing_else(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
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
    public async Task The_answer_is_the_same_whoever_is_signed_in_and_in_the_order_asked(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var first = await accounts.ActivePatientAsync(Builders.Email());
        var second = await accounts.ActivePatientAsync(Builders.Email());
        var stranger = await accounts.ActivePatientAsync(Builders.Email());
        var request = new GetAccountContacts(Profile, [second.AccountId, first.AccountId]);

        accounts.Current.AccountId = null;
        var nobody = await accounts.SendAsync(request);
        accounts.Current.SignedInAs(stranger.AccountId, Roles.Patient, secondFactorPassed: true);
        var asStranger = await accounts.SendAsync(request);

        nobody.Select(c => c.AccountId).ShouldBe([second.AccountId, first.AccountId]);
        asStranger.ShouldBe(nobody); // AccountContact is a record of strings and ids: compared by value
    }
}
