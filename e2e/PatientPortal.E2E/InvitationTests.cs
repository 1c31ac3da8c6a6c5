using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>
/// Staff invite a patient and read the clinic code off the invitations page (shown once: it is in no email) to give
/// it to them; the patient opens the emailed link and enters it.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class InvitationTests(PortalUnderTest portal)
{
    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task An_invited_patient_enters_the_clinic_code_given_by_staff_and_lands_on_the_dashboard(string locale)
    {
        var text = PortalText.For(locale);
        var patient = Patient.New(text.Language, "invited");
        await using var staff = await portal.NewBrowserAsync(locale);
        var admin = await InvitationsAdminPage.SignInAsync(staff, text.Language);
        await Results.ScreenshotAsync(admin.Page, "admin-invitations");

        await admin.InviteAsync(patient);
        var code = await admin.ClinicCodeAsync();
        code.ShouldMatch("^[0-9]{6}$");
        await Expect(admin.State(patient.Email)).ToHaveTextAsync(text.InvitationSent);
        await Results.ScreenshotAsync(admin.Page, "admin-invitation-sent");

        await using var browser = await portal.NewBrowserAsync(locale);
        var mailbox = await Mailbox.OpenAsync(browser);
        var mail = await mailbox.WaitForAsync(patient.Email);
        mail.Subject.ShouldStartWith(text.InvitationMail);
        mail.Body.ShouldNotContain(code, customMessage: "the code travels apart from its link");
        await admin.ReloadAsync();
        await Expect(admin.ClinicCode).ToHaveCountAsync(0);

        var page = await browser.NewPageAsync();
        await page.GotoAsync(mail.Link);
        var invitation = new InvitationPage(page);
        await Expect(invitation.Title).ToHaveTextAsync(text.InvitationTitle);
        await Expect(invitation.CodeLabel).ToHaveTextAsync(text.ClinicCodeLabel);
        await Results.ScreenshotAsync(page, "invitation");

        var terms = await invitation.AcceptAsync(patient.Email, code, patient.Password);
        await Expect(terms.Title).ToHaveTextAsync(text.TermsTitle);
        var dashboard = await terms.AcceptAsync();
        await Expect(dashboard.Title).ToHaveTextAsync(text.Dashboard);
        await Expect(dashboard.SignInEmail).ToHaveTextAsync(patient.Email);
        await Expect(dashboard.ProfileName).ToHaveTextAsync(patient.FullName);

        await admin.ReloadAsync();
        await Expect(admin.State(patient.Email)).ToHaveTextAsync(text.InvitationUsed);
    }

    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task Five_wrong_codes_lock_the_invitation_until_staff_resend_it_with_a_new_code(string locale)
    {
        var text = PortalText.For(locale);
        var patient = Patient.New(text.Language, "locked");
        await using var staff = await portal.NewBrowserAsync(locale);
        var admin = await InvitationsAdminPage.SignInAsync(staff, text.Language);
        await admin.InviteAsync(patient);
        var code = await admin.ClinicCodeAsync();

        await using var browser = await portal.NewBrowserAsync(locale);
        var mailbox = await Mailbox.OpenAsync(browser);
        var first = await mailbox.WaitForAsync(patient.Email, text.InvitationMail);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(first.Link);
        var invitation = new InvitationPage(page);

        var wrongCode = code == "000000" ? "111111" : "000000";
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await invitation.SubmitAsync(patient.Email, wrongCode, patient.Password);
            await Expect(invitation.Errors).ToHaveTextAsync(text.InvitationDetailsWrong);
            if (attempt == 1)
            {
                await Results.ScreenshotAsync(page, "invitation-wrong-code");
            }
        }

        await invitation.SubmitAsync(patient.Email, wrongCode, patient.Password);
        await Results.ScreenshotAsync(page, "invitation-locked");
        await Expect(invitation.Errors).ToHaveTextAsync(text.InvitationLocked);
        await Expect(invitation.SubmitButton).ToHaveCountAsync(0);

        await admin.ReloadAsync();
        await Expect(admin.State(patient.Email)).ToHaveTextAsync(text.InvitationLockedState);
        await Results.ScreenshotAsync(admin.Page, "admin-invitation-locked");

        await admin.ResendAsync(patient.Email);
        var newCode = await admin.ClinicCodeAsync();
        newCode.ShouldNotBe(code);
        await Expect(admin.State(patient.Email)).ToHaveTextAsync(text.InvitationSent);

        var second = await mailbox.WaitForAsync(patient.Email, text.InvitationMail, count: 2);
        second.Link.ShouldNotBe(first.Link);
        second.Body.ShouldNotContain(newCode);
        // The re-send replaced the link: the old one is dead.
        await page.GotoAsync(first.Link);
        await Expect(invitation.Errors).ToHaveTextAsync(text.InvitationInvalid);

        await page.GotoAsync(second.Link);
        var terms = await invitation.AcceptAsync(patient.Email, newCode, patient.Password);
        var dashboard = await terms.AcceptAsync();
        await Expect(dashboard.SignInEmail).ToHaveTextAsync(patient.Email);
    }
}
