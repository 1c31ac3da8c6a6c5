using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>Staff create a child's record from the admin area, attach it to a parent's account with chosen tabs, and find it again.</summary>
[Collection(PortalInChromium.Name)]
public sealed class AdminPatientsTests(PortalUnderTest portal)
{
    [Theory]
    [InlineData("fr-CA", "Actif", "Rendez-vous")]
    [InlineData("en-CA", "Active", "Appointments")]
    public async Task Staff_create_a_childs_record_and_attach_it_to_a_parent_with_chosen_tabs(string locale, string active, string appointments)
    {
        var language = PortalText.For(locale).Language;
        await using var browser = await portal.NewBrowserAsync(locale);
        var page = (await InvitationsAdminPage.SignInAsync(browser, language)).Page;
        await page.GetByTestId("admin-patients").ClickAsync();
        await page.WaitForPageAsync("**/admin/patients");
        await page.GetByTestId("new-patient").ClickAsync();
        await page.WaitForPageAsync("**/admin/patients/new");

        var first = $"Zoé{language}{Guid.NewGuid().ToString("N")[..4]}";
        await page.GetByTestId("first-name").FillAsync(first);
        await page.GetByTestId("last-name").FillAsync("Milner");
        await page.GetByTestId("date-of-birth").FillAsync("2019-09-09");
        await page.GetByTestId("sex").SelectOptionAsync("Female");
        await page.GetByTestId("phone1").FillAsync("514 555-0199");
        await page.GetByTestId("guardian-name").FillAsync("Heather Milner");
        await page.GetByTestId("guardian-email").FillAsync("heather.milner@example.com");
        await Results.ScreenshotAsync(page, "admin-patient-new");
        await page.GetByTestId("create-record").ClickAsync();
        await page.WaitForPageAsync("**/admin/patients/*-*");

        await page.GetByTestId("account-email").FillAsync("heather.milner@example.com");
        await page.GetByTestId("relationship").SelectOptionAsync("Parent");
        await page.GetByTestId("attach-tab-Bills").UncheckAsync();
        await page.GetByTestId("attach").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("link-holder")).ToHaveTextAsync("Heather Milner");
        await Expect(page.GetByTestId("link-state")).ToHaveTextAsync(active);
        await Expect(page.GetByTestId("permissions-form")).ToContainTextAsync(appointments);
        await Results.ScreenshotAsync(page, "admin-patient-record");

        await page.GetByTestId("admin-patients").ClickAsync();
        await page.GetByTestId("search-name").FillAsync(first);
        await page.GetByTestId("search").ClickAsync();
        await Expect(page.GetByTestId("patient-row")).ToHaveCountAsync(1);
        await Results.ScreenshotAsync(page, "admin-patient-search");
        await page.GetByTestId("pending-decisions").ClickAsync();
        await page.WaitForPageAsync("**/admin/patients/requests");
        await Results.ScreenshotAsync(page, "admin-patient-requests");
    }

    [Theory]
    [InlineData("fr-CA", "Choisissez comment vous avez vérifié", "Identique au courriel de connexion")]
    [InlineData("en-CA", "Choose how you checked", "Same as the sign-in email")]
    public async Task Staff_see_the_evidence_of_a_likely_match_and_confirm_it_only_after_saying_how_identity_was_checked(string locale, string checkRequired, string sameEmail)
    {
        var language = PortalText.For(locale).Language;
        var card = $"SUGG{Random.Shared.Next(10_000_000, 99_999_999)}";
        var patient = Patient.New(language, "suggestion");
        await using var staffBrowser = await portal.NewBrowserAsync(locale);
        var page = (await InvitationsAdminPage.SignInAsync(staffBrowser, language)).Page;
        await page.GotoAsync("/admin/patients/new");
        await page.GetByTestId("first-name").FillAsync(patient.FirstName);
        await page.GetByTestId("last-name").FillAsync(patient.LastName);
        await page.GetByTestId("date-of-birth").FillAsync(patient.DateOfBirthIso);
        await page.GetByTestId("sex").SelectOptionAsync("Female");
        await page.GetByTestId("hin").FillAsync(card);
        await page.GetByTestId("phone1").FillAsync("514 555-0199");
        await page.GetByTestId("contact-email").FillAsync(patient.Email.ToUpperInvariant());
        await page.GetByTestId("create-record").ClickAsync();
        await page.WaitForPageAsync("**/admin/patients/*-*");

        // The patient registers on their own with the record's card and birth date: a likely match for staff.
        await using var patientBrowser = await portal.NewBrowserAsync(locale);
        await Journeys.RegisterWithCardAsync(patientBrowser, patient, card);

        var row = page.GetByTestId("suggestion-row").Filter(new() { HasText = patient.Email });
        for (var attempt = 0; attempt < 20 && await row.CountAsync() == 0; attempt++)
        {
            await page.GotoAsync("/admin/patients/requests");
            if (await row.CountAsync() == 0)
            {
                await Task.Delay(1_000);
            }
        }

        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("account-email")).ToHaveTextAsync(patient.Email);
        await Expect(row.GetByTestId("record-contact-email")).ToContainTextAsync(sameEmail);
        await Results.ScreenshotAsync(page, "admin-patient-suggestion-evidence");

        // The browser asks for a choice first; without the browser's check, the portal refuses with its message.
        await row.GetByTestId("confirm-form").EvaluateAsync("form => form.noValidate = true");
        await row.GetByTestId("confirm-suggestion").ClickAsync();
        await Expect(page.GetByTestId("form-errors")).ToContainTextAsync(checkRequired);
        await Results.ScreenshotAsync(page, "admin-patient-suggestion-refused");

        var again = page.GetByTestId("suggestion-row").Filter(new() { HasText = patient.Email });
        await again.GetByTestId("identity-check-EmailOnFile").CheckAsync();
        await again.GetByTestId("confirm-suggestion").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("suggestion-row").Filter(new() { HasText = patient.Email })).ToHaveCountAsync(0);
    }
}
