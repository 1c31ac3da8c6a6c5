using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>
/// A Quebec clinic (Accounts:QuebecInvitations): no clinic code to hand out; the patient types the last 4 digits of
/// their health card, or their date of birth when the clinic has no card number, then creates a recovery PIN and
/// accepts the privacy policy.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class QuebecInvitationTests(PortalUnderTest chromium, QuebecPortal quebec) : IClassFixture<QuebecPortal>
{
    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task The_activation_code_is_the_last_four_digits_of_the_health_card(string locale)
    {
        var text = PortalText.For(locale);
        var patient = Patient.New(text.Language, "quebec-card");

        await using var browser = await chromium.NewBrowserAsync(locale, quebec.BaseAddress);
        var page = await InviteAsync(browser, patient, healthCardNumber: "COTE 8504 1273", screenshot: "invitation-quebec-card");

        var terms = await new InvitationPage(page).AcceptAsync(patient.Email, "1273", patient.Password, pin: "4826");
        var dashboard = await terms.AcceptAsync();
        await Expect(dashboard.Title).ToHaveTextAsync(text.Dashboard);
        await Expect(dashboard.SignInEmail).ToHaveTextAsync(patient.Email);
    }

    [Theory]
    [InlineData("fr-CA", "1985-04-12")]
    [InlineData("en-CA", "19850412")]
    public async Task Without_a_health_card_the_activation_code_is_the_date_of_birth(string locale, string typedDateOfBirth)
    {
        var text = PortalText.For(locale);
        var patient = Patient.New(text.Language, "quebec-birth");
        patient.DateOfBirthIso.ShouldBe("1985-04-12");

        await using var browser = await chromium.NewBrowserAsync(locale, quebec.BaseAddress);
        var page = await InviteAsync(browser, patient, healthCardNumber: null, screenshot: "invitation-quebec-birth-date");

        var terms = await new InvitationPage(page).AcceptAsync(patient.Email, typedDateOfBirth, patient.Password, pin: "4826");
        var dashboard = await terms.AcceptAsync();
        await Expect(dashboard.SignInEmail).ToHaveTextAsync(patient.Email);
    }

    /// <summary>Staff invite the patient on the Quebec portal; returns the patient's page on the emailed invitation link.</summary>
    private async Task<IPage> InviteAsync(IBrowserContext browser, Patient patient, string? healthCardNumber, string screenshot)
    {
        var text = PortalText.For(patient.Language);
        await using var staff = await chromium.NewBrowserAsync(text.Locale, quebec.BaseAddress);
        var admin = await InvitationsAdminPage.SignInAsync(staff, text.Language);
        await admin.InviteAsync(patient, healthCardNumber);
        // The patient already knows the code: there is none for staff to read out.
        await Expect(admin.ClinicCode).ToHaveCountAsync(0);
        await Results.ScreenshotAsync(admin.Page, "admin-invitation-quebec-sent");

        var mail = await (await Mailbox.OpenAsync(browser)).WaitForAsync(patient.Email);
        mail.Subject.ShouldStartWith(text.InvitationMail);

        var page = await browser.NewPageAsync();
        await page.GotoAsync(mail.Link);
        var invitation = new InvitationPage(page);
        await Expect(invitation.Title).ToHaveTextAsync(text.InvitationTitle);
        await Expect(invitation.CodeLabel).ToHaveTextAsync(text.ActivationCodeLabel);
        await Expect(page.GetByTestId("pin")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("privacy")).ToBeVisibleAsync();
        await Results.ScreenshotAsync(page, screenshot);
        return page;
    }
}
