using System.Globalization;
using System.Text.Json;
using PatientPortal.E2E.Pages;
using PatientPortal.Testing;

namespace PatientPortal.E2E;

/// <summary>
/// The whole age-of-consent journey, as the issue tells it: staff attach a child to a parent's account, the parent
/// switches to the child, the child's 14th birthday passes (the portal's clock moved through the test-only hook), the
/// parent sees the guide's message, the teen claims their own file from the portal's invitation and consents, and the
/// parent's access is back. Each language on a portal of its own: the clock only moves forward, and staff's
/// authenticator codes follow the real time.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class AgeOfConsentJourneyInFrenchTests(PortalUnderTest chromium, ClockPortal clinic) : IClassFixture<ClockPortal>
{
    [Fact]
    public Task Staff_attach_a_child_the_parent_switches_the_14th_birthday_ends_access_and_the_teen_brings_it_back() =>
        AgeOfConsentJourney.RunAsync(chromium, clinic, "fr-CA", "Ce patient a passé l'âge de consentement. Vous n'avez plus accès à son dossier.");
}

[Collection(PortalInChromium.Name)]
public sealed class AgeOfConsentJourneyInEnglishTests(PortalUnderTest chromium, ClockPortal clinic) : IClassFixture<ClockPortal>
{
    [Fact]
    public Task Staff_attach_a_child_the_parent_switches_the_14th_birthday_ends_access_and_the_teen_brings_it_back() =>
        AgeOfConsentJourney.RunAsync(chromium, clinic, "en-CA", "This patient is passed the age of consent. You no longer have access to their file.");
}

internal static class AgeOfConsentJourney
{
    private static readonly TimeZoneInfo Montreal = TimeZoneInfo.FindSystemTimeZoneById("America/Montreal");

    public static async Task RunAsync(PortalUnderTest chromium, ClockPortal clinic, string locale, string message)
    {
        var text = PortalText.For(locale);
        var tag = $"{text.Language}{Guid.NewGuid().ToString("N")[..4]}";
        var parent = Patient.New(text.Language, "parent");
        var teenEmail = Patient.NewEmail("teen");
        var (childFirst, childLast) = ($"Émile{tag}", "Roy");
        var card = $"ROYE{Random.Shared.Next(10_000_000, 99_999_999)}";
        await using var staffBrowser = await chromium.NewBrowserAsync(locale, clinic.BaseAddress);
        var today = await TodayAsync(staffBrowser);
        var birthday = today.AddDays(1);
        var childBirth = birthday.AddYears(-14);

        await using var parentBrowser = await chromium.NewBrowserAsync(locale, clinic.BaseAddress);
        await using var teenBrowser = await chromium.NewBrowserAsync(locale, clinic.BaseAddress);
        await FailureReport.RunAsync(async () =>
        {
            // The parent has an account of their own.
            var parentPage = (await Journeys.RegisterAndActivateAsync(parentBrowser, parent)).Page;

            // Staff create the child's record and attach it to the parent's account with every tab.
            var staff = (await InvitationsAdminPage.SignInAsync(staffBrowser, text.Language)).Page;
            await staff.GotoAsync("/admin/patients/new");
            await staff.GetByTestId("first-name").FillAsync(childFirst);
            await staff.GetByTestId("last-name").FillAsync(childLast);
            await staff.GetByTestId("date-of-birth").FillAsync(Iso(childBirth));
            await staff.GetByTestId("hin").FillAsync(card);
            await staff.GetByTestId("contact-email").FillAsync(teenEmail);
            await staff.GetByTestId("guardian-name").FillAsync(parent.FullName);
            await staff.GetByTestId("guardian-email").FillAsync(parent.Email);
            await staff.GetByTestId("create-record").ClickAsync();
            await staff.WaitForPageAsync("**/admin/patients/*-*");
            await staff.GetByTestId("account-email").FillAsync(parent.Email);
            await staff.GetByTestId("relationship").SelectOptionAsync("Parent");
            await staff.GetByTestId("attach").ClickAsync();
            await Expect(staff.GetByTestId("link-holder")).ToHaveTextAsync(parent.FullName);
            await Results.ScreenshotAsync(staff, "journey-staff-attached-child");

            // The parent finds the child among the attached profiles and switches to them.
            var child = await AttachedAsync(parentPage, childFirst);
            await Expect(child).ToHaveAttributeAsync("data-state", "Active");
            await child.GetByTestId("select-profile").ClickAsync();
            await Expect(parentPage.GetByTestId("profile-name")).ToHaveTextAsync($"{childFirst} {childLast}");
            await Expect(parentPage.GetByTestId("profile-dob")).ToContainTextAsync(Iso(childBirth));
            await Results.ScreenshotAsync(parentPage, "journey-parent-switched-to-child");

            // The 14th birthday: midnight in Montreal; the daily job runs at once.
            var moved = await staffBrowser.APIRequest.PostAsync(
                $"/testing/clock?to={Iso(birthday)}&runAgeOfConsentJob=true", new() { Headers = new Dictionary<string, string> { ["X-Test-Clock"] = "move" } });
            moved.Ok.ShouldBeTrue(await moved.TextAsync());
            (await moved.JsonAsync())!.Value.GetProperty("revoked").GetInt32().ShouldBeGreaterThanOrEqualTo(1);

            // A day passed: the parent signs in again and sees the guide's message where the child was.
            await parentPage.GotoAsync("/");
            if (LoginPage.LoginUrl().IsMatch(parentPage.Url))
            {
                await new LoginPage(parentPage).SignInAsync(parent.Email, parent.Password);
            }

            await Expect(parentPage.GetByTestId("profile-name")).ToHaveTextAsync(parent.FullName);
            child = await AttachedAsync(parentPage, childFirst);
            await Expect(child).ToHaveAttributeAsync("data-state", "Revoked");
            await Expect(child.GetByTestId("age-of-consent-message")).ToHaveTextAsync(message);
            await Expect(child.GetByTestId("select-profile")).ToHaveCountAsync(0);
            await Results.ScreenshotAsync(parentPage, "journey-parent-age-of-consent-message");

            // The teen is invited to claim their own file (the code is the card's last 4 digits) ...
            var invitation = await (await Mailbox.OpenAsync(teenBrowser)).WaitForAsync(teenEmail, text.InvitationMail);
            var teenPage = await teenBrowser.NewPageAsync();
            await teenPage.GotoAsync(invitation.Link);
            var terms = await new InvitationPage(teenPage).AcceptAsync(teenEmail, card[^4..], parent.Password, pin: "4826");
            var teenDashboard = await terms.AcceptAsync();
            await Expect(teenDashboard.ProfileName).ToHaveTextAsync($"{childFirst} {childLast}");

            // ... the parent asks again from Connected Accounts, and the teen consents.
            var connections = await ConnectionsPage.OpenAsync(parentPage);
            await connections.ConnectAsync(childFirst, childLast, Iso(childBirth), card);
            await Expect(connections.Done).ToBeVisibleAsync();
            var teenConnections = await ConnectionsPage.OpenAsync(teenPage);
            await Expect(teenConnections.ConsentRequesters).ToHaveTextAsync(parent.FullName);
            await Results.ScreenshotAsync(teenPage, "journey-teen-consent-request");
            await teenConnections.ApproveAsync(parent.FullName);
            await Expect(teenConnections.ProxyNames).ToHaveTextAsync(parent.FullName);

            // Access is back, on the teen's word.
            await parentPage.GotoAsync("/");
            child = await AttachedAsync(parentPage, childFirst);
            await Expect(child).ToHaveAttributeAsync("data-state", "Active");
            await child.GetByTestId("select-profile").ClickAsync();
            await Expect(parentPage.GetByTestId("profile-name")).ToHaveTextAsync($"{childFirst} {childLast}");
            await Results.ScreenshotAsync(parentPage, "journey-parent-access-back");
        }, staffBrowser, parentBrowser, teenBrowser);
    }

    private static ILocator Attached(IPage page, string firstName) =>
        page.GetByTestId("attached-profile").Filter(new() { HasText = firstName });

    private static async Task<ILocator> AttachedAsync(IPage page, string firstName)
    {
        await page.GotoAsync("/");
        var row = Attached(page, firstName);
        await Expect(row).ToHaveCountAsync(1);
        return row;
    }

    /// <summary>"Today" on the portal's clock, in the clinic's time zone.</summary>
    private static async Task<DateOnly> TodayAsync(IBrowserContext browser)
    {
        var response = await browser.APIRequest.GetAsync("/testing/clock");
        response.Ok.ShouldBeTrue();
        var utcNow = (await response.JsonAsync())!.Value.GetProperty("utcNow").GetDateTimeOffset();
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utcNow, Montreal).DateTime);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A portal of its own for journeys that move the clock (the test-only hook is on in every e2e portal).</summary>
public sealed class ClockPortal : IAsyncLifetime
{
    private PortalFactory? _factory;

    public Uri BaseAddress => _factory!.ClientOptions.BaseAddress;

    public async Task InitializeAsync() => _factory = await LocalPortal.StartAsync();

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
