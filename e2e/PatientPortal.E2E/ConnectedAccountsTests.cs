using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>
/// Connected Accounts: a patient asks to be connected to another adult's file; that person approves from their own
/// account, then removes the access again.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class ConnectedAccountsTests(PortalUnderTest portal)
{
    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task A_person_over_the_age_of_consent_approves_a_connection_from_their_own_account_then_removes_it(string locale)
    {
        var language = locale[..2];
        var french = language == "fr";
        // The tests share one portal: a card of their own, so the person matches once.
        var card = $"CONN{Random.Shared.Next(10_000_000, 99_999_999)}";
        var person = Patient.New(language, "consent");
        var requester = Patient.New(language, "requester") with { FirstName = "Sam", LastName = "Gagnon", DateOfBirth = new DateOnly(1979, 9, 3) };

        await using var personBrowser = await portal.NewBrowserAsync(locale);
        await Journeys.RegisterWithCardAsync(personBrowser, person, card);
        await using var requesterBrowser = await portal.NewBrowserAsync(locale);
        var requesterPage = (await Journeys.RegisterAndActivateAsync(requesterBrowser, requester)).Page;

        var connections = await ConnectionsPage.OpenFromDashboardAsync(requesterPage);
        await Expect(connections.Title).ToHaveTextAsync(french ? "Comptes connectés" : "Connected Accounts");
        await Results.ScreenshotAsync(connections.Page, "connected-accounts");
        // Own profiles are made from the registration events, through the outbox (every 5 s): the first try may come
        // too soon, and the answer is the same neutral one whether it matched or not; the person's own page says when
        // it did. Each try counts toward the daily limit of five.
        var mine = await ConnectionsPage.OpenAsync(personBrowser.Pages[0]);
        for (var attempt = 1; ; attempt++)
        {
            await connections.ConnectAsync(person.FirstName, person.LastName, person.DateOfBirthIso, card);
            await Expect(connections.Done).ToHaveTextAsync(french
                ? "Merci. Si ces renseignements correspondent à un patient de la clinique, la demande sera examinée et vous recevrez un courriel. Rien d'autre ne s'affichera d'ici là."
                : "Thank you. If these details match a patient of the clinic, the request will be reviewed and you will receive an email. Nothing more is shown until then.");
            await mine.Page.ReloadAsync();
            if (await mine.ConsentRequesters.CountAsync() > 0 || attempt == 4)
            {
                break;
            }

            await Task.Delay(3_000);
        }

        // Until the person decides, the requester sees only the dated submission: no name, no pending connection.
        await Expect(connections.Submitted).Not.ToHaveCountAsync(0);
        await Expect(connections.ConnectionStates).ToHaveCountAsync(0);
        await Expect(connections.Page.GetByTestId("submitted-section")).Not.ToContainTextAsync(person.LastName);
        await Results.ScreenshotAsync(connections.Page, "connected-accounts-submitted");

        var mailbox = await Mailbox.OpenAsync(personBrowser);
        await mailbox.WaitForAsync(person.Email, french ? "Quelqu'un a demandé" : "Someone asked");
        await mailbox.Page.CloseAsync();

        await mine.Page.ReloadAsync();
        await Expect(mine.ConsentRequesters).ToHaveTextAsync(requester.FullName);
        await Results.ScreenshotAsync(mine.Page, "connected-accounts-consent-request");
        await mine.ApproveAsync(requester.FullName);
        await Expect(mine.ProxyNames).ToHaveTextAsync(requester.FullName);
        await Results.ScreenshotAsync(mine.Page, "connected-accounts-approved");

        await connections.Page.ReloadAsync();
        await Expect(connections.ConnectionStates.First).ToHaveAttributeAsync("data-state", "Active");

        await mine.RemoveAsync(requester.FullName);
        await Expect(mine.Page.GetByTestId("nobody-can-access")).ToBeVisibleAsync();
        await connections.Page.ReloadAsync();
        await Expect(connections.ConnectionStates.First).ToHaveAttributeAsync("data-state", "Revoked");
        await Results.ScreenshotAsync(connections.Page, "connected-accounts-ended");
    }
}
