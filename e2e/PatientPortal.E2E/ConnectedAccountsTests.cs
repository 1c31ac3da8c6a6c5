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
        await RegisterWithCardAsync(personBrowser, person, card);
        await using var requesterBrowser = await portal.NewBrowserAsync(locale);
        var requesterPage = (await Journeys.RegisterAndActivateAsync(requesterBrowser, requester)).Page;

        var connections = await ConnectionsPage.OpenFromDashboardAsync(requesterPage);
        await Expect(connections.Title).ToHaveTextAsync(french ? "Comptes connectés" : "Connected Accounts");
        await Results.ScreenshotAsync(connections.Page, "connected-accounts");
        // Own profiles are made from the registration events, through the outbox (every 5 s): the first try may come
        // too soon. Each try counts toward the daily limit of five.
        for (var attempt = 1; ; attempt++)
        {
            await connections.ConnectAsync(person.FirstName, person.LastName, person.DateOfBirthIso, card);
            await Expect(connections.Done.Or(connections.Errors.Filter(new() { HasText = french ? "Nous n'avons pas pu" : "We could not" }))).ToBeVisibleAsync();
            if (await connections.Done.IsVisibleAsync() || attempt == 4)
            {
                break;
            }

            await Task.Delay(3_000);
        }

        await Expect(connections.Done).ToBeVisibleAsync();
        await Expect(connections.ConnectionStates.First).ToHaveAttributeAsync("data-state", "PendingConsent");
        await Results.ScreenshotAsync(connections.Page, "connected-accounts-pending");

        var mailbox = await Mailbox.OpenAsync(personBrowser);
        await mailbox.WaitForAsync(person.Email, french ? "Quelqu'un a demandé" : "Someone asked");
        await mailbox.Page.CloseAsync();

        var mine = await ConnectionsPage.OpenAsync(personBrowser.Pages[0]);
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

    /// <summary>As <see cref="Journeys.RegisterAndActivateAsync"/>, with a health insurance number on the form.</summary>
    private static async Task RegisterWithCardAsync(IBrowserContext browser, Patient patient, string card)
    {
        var login = await LoginPage.OpenAsync(browser);
        var register = await login.CreateAccountAsync();
        await register.FillAsync(patient);
        await register.Page.GetByTestId("hin").FillAsync(card);
        await register.SubmitAsync();

        var mailbox = await Mailbox.OpenAsync(browser);
        var activation = await mailbox.WaitForAsync(patient.Email, PortalText.For(patient.Language).ActivationMail);
        await mailbox.Page.CloseAsync();

        await register.Page.GotoAsync(activation.Link);
        await new TermsPage(register.Page).AcceptAsync(patient.Password);
    }
}
