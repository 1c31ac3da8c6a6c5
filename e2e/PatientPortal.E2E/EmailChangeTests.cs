using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>Changing the login email needs both mailboxes: a code at the old address, a link at the new one.</summary>
[Collection(PortalInChromium.Name)]
public sealed class EmailChangeTests(PortalUnderTest portal)
{
    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task A_patient_changes_the_login_email_with_the_code_from_the_old_address_and_then_logs_in_with_the_new_one(string locale)
    {
        var text = PortalText.For(locale);
        var patient = Patient.New(text.Language, "old-address");
        var newEmail = Patient.NewEmail("new-address");
        await using var browser = await portal.NewBrowserAsync(locale);
        var dashboard = await Journeys.RegisterAndActivateAsync(browser, patient);

        var change = await dashboard.EditEmailAsync();
        await Results.ScreenshotAsync(change.Page, "change-email");
        await change.RequestAsync(patient.Password, newEmail);
        await Results.ScreenshotAsync(change.Page, "email-change-requested");
        dashboard = await change.DoneAsync();
        await Expect(dashboard.SignInEmail).ToHaveTextAsync(patient.Email);
        await Expect(dashboard.PendingEmail).ToContainTextAsync(newEmail);
        await Results.ScreenshotAsync(dashboard.Page, "dashboard-pending-email");

        var mailbox = await Mailbox.OpenAsync(browser);
        var codeMail = await mailbox.WaitForAsync(patient.Email, text.EmailCodeMail);
        var linkMail = await mailbox.WaitForAsync(newEmail, text.EmailLinkMail);
        // Neither mailbox alone is enough: the code never travels with the link.
        codeMail.Links.ShouldBeEmpty();
        linkMail.Body.ShouldNotContain(codeMail.Code);

        var page = dashboard.Page;
        await page.GotoAsync(linkMail.Link);
        var confirm = new ConfirmEmailPage(page);
        await Expect(confirm.Title).ToHaveTextAsync(text.ConfirmEmailTitle);
        await Results.ScreenshotAsync(page, "confirm-email");
        await confirm.ConfirmAsync(newEmail, codeMail.Code);
        await Results.ScreenshotAsync(page, "email-changed");
        dashboard = await confirm.BackToPortalAsync();
        await Expect(dashboard.SignInEmail).ToHaveTextAsync(newEmail);
        await Expect(dashboard.PendingEmail).ToHaveCountAsync(0);

        var notice = await mailbox.WaitForAsync(patient.Email, text.EmailChangedMail);
        notice.Body.ShouldContain(newEmail);

        await using var later = await portal.NewBrowserAsync(locale);
        var login = await LoginPage.OpenAsync(later);
        await login.SubmitAsync(patient.Email, patient.Password);
        await Expect(login.Errors).ToHaveTextAsync(text.InvalidCredentials);
        await login.SignInAsync(newEmail, patient.Password);
        var after = new DashboardPage(login.Page);
        await after.WaitAsync();
        await Expect(after.SignInEmail).ToHaveTextAsync(newEmail);
    }
}
