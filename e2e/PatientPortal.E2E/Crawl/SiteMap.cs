using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E.Crawl;

/// <summary>Who opens a page of the <see cref="SiteMap"/>.</summary>
internal enum Visitor
{
    /// <summary>Nobody signed in: a fresh browser for every page (a half-done sign-in or registration never leaks into the next page).</summary>
    Anonymous,

    /// <summary>Heather Milner (demo patient) acting for her own profile.</summary>
    Patient,

    /// <summary>Heather Milner acting for her son Nathan (a proxy on a child's profile with every tab: the demo's messages, documents, bills, appointments).</summary>
    Proxy,

    /// <summary>The demo clinic admin, signed in with the second factor (authenticator app).</summary>
    Staff,
}

/// <summary>
/// One page of the portal as a person reaches it: <paramref name="Name"/> names it in failures and screenshots
/// ("&lt;name&gt;-&lt;fr|en&gt;.png"), <paramref name="OpenAsync"/> brings an open tab of <paramref name="As"/>'s browser to it (an
/// address, a link to follow, or the clicks of a wizard) and waits for it. <paramref name="Status"/> is the HTTP status its
/// document is served with (404 for the not-found page: Chromium logs that one as a console error, which is expected).
/// </summary>
internal sealed record SitePage(string Name, Visitor As, Func<IPage, Task> OpenAsync, int Status = 200)
{
    public override string ToString() => $"{Name} ({As})";
}

/// <summary>
/// Every page of the portal, for the checks that run on all of them (accessibility, valid HTML, console errors, lang,
/// bilingual parity, phones): <see cref="SiteCrawl"/> visits them in a language. Adding a page is one line here.
/// Left out on purpose: /dev/mailbox (a Development tool, not the portal), /session/keepalive and /logout (no page),
/// attachments and /profile/export (files, not HTML), /testing/clock (a test hook).
/// The demo clinic (Development) gives the data; pages that need a state (the terms after activation, the sign-in code,
/// the wizard's later steps) are reached the way a person reaches them.
/// </summary>
internal static class SiteMap
{
    public static readonly IReadOnlyList<SitePage> All =
    [
        // Anonymous (public layout).
        new("login", Visitor.Anonymous, Go("/login")),
        new("register", Visitor.Anonymous, Go("/register")),
        new("register-sent", Visitor.Anonymous, RegisterAsync),
        new("terms", Visitor.Anonymous, page => ActivationTermsAsync(page)),
        new("forgot-password", Visitor.Anonymous, Go("/forgot-password")),
        new("reset-password-bad-link", Visitor.Anonymous, Go("/reset-password?token=not-a-token")),
        new("activate-bad-link", Visitor.Anonymous, Go("/activate?token=not-a-token")),
        new("confirm-email-bad-link", Visitor.Anonymous, Go("/confirm-email?token=not-a-token")),
        new("invitation", Visitor.Anonymous, Go("/invitation")),
        new("sign-in-code", Visitor.Anonymous, SignInCodeAsync),
        new("email-action-bad-link", Visitor.Anonymous, Go("/appointments/email/confirm?token=not-a-token")),
        new("user-guide-public", Visitor.Anonymous, Go("/user-guide")),

        // Signed in, the account's own profile.
        new("dashboard", Visitor.Patient, Go("/")),
        new("profiles", Visitor.Patient, Go("/profiles")),
        new("profile-settings", Visitor.Patient, Go("/profile")),
        new("access-log", Visitor.Patient, Go("/profile/access-log")),
        new("change-email", Visitor.Patient, Go("/account/email")),
        new("change-password", Visitor.Patient, Go("/account/password")),
        new("two-step", Visitor.Patient, Go("/account/two-step")),
        new("two-step-authenticator", Visitor.Patient, Go("/account/two-step/authenticator")),
        new("connections", Visitor.Patient, Go("/account/connections")),
        new("user-guide", Visitor.Patient, Go("/user-guide")),
        new("not-found", Visitor.Patient, Go("/no-such-page"), Status: 404),

        // Signed in, acting for the child (Nathan).
        new("child-dashboard", Visitor.Proxy, Go("/")),
        new("child-profile-settings", Visitor.Proxy, Go("/profile")),
        new("child-access-log", Visitor.Proxy, Go("/profile/access-log")),
        new("appointments", Visitor.Proxy, Go("/appointments")),
        new("appointment-details", Visitor.Proxy, Follow("/appointments", "[data-testid='appointment-link']")),
        new("booking-specialty", Visitor.Proxy, Go("/appointments/book")),
        new("booking-practitioner", Visitor.Proxy, Wizard(choices: 1)),
        new("booking-site", Visitor.Proxy, Wizard(choices: 2)),
        new("booking-type", Visitor.Proxy, Wizard(choices: 3)),
        new("booking-questionnaire", Visitor.Proxy, Wizard(choices: 4)),
        new("booking-availabilities", Visitor.Proxy, Wizard(choices: 4, availabilities: true)),
        new("booking-confirm", Visitor.Proxy, Wizard(choices: 4, availabilities: true, slot: true)),
        new("emergency-site", Visitor.Proxy, Go("/appointments/book?emergency=true")),
        new("emergency-questionnaire", Visitor.Proxy, Wizard(choices: 2, emergency: true)),
        new("inbox", Visitor.Proxy, Go("/inbox")),
        new("documents", Visitor.Proxy, Go("/documents")),
        new("bills", Visitor.Proxy, Go("/bills")),
        new("sent", Visitor.Proxy, Go("/sent")),
        new("inbox-thread", Visitor.Proxy, Follow("/inbox", "[data-testid='inbox-subject']")),
        new("document-thread", Visitor.Proxy, Follow("/documents", "[data-testid='inbox-subject']")),
        new("bill-thread", Visitor.Proxy, Follow("/bills", "[data-testid='inbox-subject']")),

        // Staff (admin layout), signed in with the second factor.
        new("admin-calendar", Visitor.Staff, Go("/admin/calendar")),
        new("admin-calendar-book", Visitor.Staff, FollowOnCalendar("[data-testid='free-slot']")),
        new("admin-calendar-cancel", Visitor.Staff, FollowOnCalendar("[data-testid='cancel-appointment']")),
        new("admin-clinic", Visitor.Staff, Go("/admin/clinic")),
        new("admin-site", Visitor.Staff, Follow("/admin/clinic", "[data-testid='edit-site']")),
        new("admin-new-site", Visitor.Staff, Go("/admin/clinic/sites")),
        new("admin-specialty", Visitor.Staff, Follow("/admin/clinic", "[data-testid='edit-specialty']")),
        new("admin-practitioner", Visitor.Staff, Follow("/admin/clinic", "[data-testid='edit-practitioner']")),
        new("admin-schedule", Visitor.Staff, Follow("/admin/clinic", "[data-testid='open-schedule']")),
        new("admin-type", Visitor.Staff, Follow("/admin/clinic", "[data-testid='edit-type']")),
        new("admin-inbox", Visitor.Staff, Go("/admin/inbox")),
        new("admin-inbox-compose", Visitor.Staff, Go("/admin/inbox/compose")),
        // The form itself, for Nathan (DemoClinic.NathanMilnerProfileId): the sender and site selects.
        new("admin-inbox-compose-form", Visitor.Staff, Go("/admin/inbox/compose?profile=0193a2d0-0000-7000-8000-000000000101")),
        new("admin-inbox-thread", Visitor.Staff, Follow("/admin/inbox", "[data-testid='reply-link']")),
        new("admin-invitations", Visitor.Staff, Go("/admin/invitations")),
        new("admin-patients", Visitor.Staff, Go("/admin/patients")),
        new("admin-patients-found", Visitor.Staff, SearchPatientsAsync),
        new("admin-patient-record", Visitor.Staff, OpenPatientRecordAsync),
        new("admin-patient-access-log", Visitor.Staff, async page =>
        {
            await OpenPatientRecordAsync(page);
            await page.GotoAsync(await page.GetByTestId("patient-access-log").GetAttributeAsync("href") ?? "");
        }),
        new("admin-access-log", Visitor.Staff, Go("/admin/access-log")),
        new("admin-patient-new", Visitor.Staff, Go("/admin/patients/new")),
        new("admin-patient-requests", Visitor.Staff, Go("/admin/patients/requests")),
        new("admin-staff", Visitor.Staff, Go("/admin/staff")),
        new("admin-not-found", Visitor.Staff, Go("/admin/no-such-page"), Status: 404),
    ];

    public static SitePage Named(string name) => All.Single(p => p.Name == name);

    /// <summary>
    /// The pages a crawl visits: all of them, or only those named in E2E_CRAWL_PAGES (comma-separated, e.g.
    /// "login,inbox-thread") to check one page alone while fixing it.
    /// </summary>
    public static IReadOnlyList<SitePage> Selected =>
        Environment.GetEnvironmentVariable("E2E_CRAWL_PAGES") is { Length: > 0 } names
            ? [.. names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Named)]
            : All;

    /// <summary>Opens an address.</summary>
    public static Func<IPage, Task> Go(string path) => async page => await page.GotoAsync(path);

    /// <summary>Opens <paramref name="from"/> and follows the first link that <paramref name="selector"/> finds there.</summary>
    public static Func<IPage, Task> Follow(string from, string selector) => async page =>
    {
        await page.GotoAsync(from);
        var link = page.Locator(selector).First;
        var href = await link.GetAttributeAsync("href", new() { Timeout = 5000 })
            ?? throw new InvalidOperationException($"No link '{selector}' on {from}: the demo clinic lacks the data this page needs.");
        await page.GotoAsync(href);
    };

    /// <summary>Follows the first link <paramref name="selector"/> finds on a practitioner's week in the staff calendar (each practitioner, this week and the next three).</summary>
    public static Func<IPage, Task> FollowOnCalendar(string selector) => async page =>
    {
        await page.GotoAsync("/admin/calendar");
        var practitioners = (await page.Locator("[data-testid='pick-practitioner'] option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)"))
            .Where(id => id.Length > 0).ToList();
        foreach (var practitioner in practitioners)
        {
            await page.GotoAsync($"/admin/calendar?practitioner={practitioner}&view=week");
            for (var week = 0; week < 4; week++)
            {
                if (await page.Locator(selector).CountAsync() > 0)
                {
                    await page.GotoAsync(await page.Locator(selector).First.GetAttributeAsync("href") ?? "");
                    return;
                }

                await page.GotoAsync(await page.GetByTestId("next").GetAttributeAsync("href") ?? "");
            }
        }

        throw new InvalidOperationException($"No link '{selector}' in the staff calendar: the demo clinic lacks the data this page needs.");
    };

    /// <summary>The booking wizard from its start: the first choice <paramref name="choices"/> times, then the questionnaire sent, then the grid's first slot.</summary>
    public static Func<IPage, Task> Wizard(int choices, bool availabilities = false, bool slot = false, bool emergency = false) => async page =>
    {
        await page.GotoAsync(emergency ? "/appointments/book?emergency=true" : "/appointments/book");
        for (var i = 0; i < choices; i++)
        {
            await page.GetByTestId("choice").First.ClickAndWaitForNextPageAsync();
        }

        if (availabilities)
        {
            await page.GetByTestId("reason").FillAsync("Fever");
            await page.GetByTestId("see-availabilities").ClickAsync();
            await Expect(page.GetByTestId("availability-grid")).ToBeVisibleAsync();
        }

        if (slot)
        {
            await page.GetByTestId("slot").First.ClickAsync();
            await Expect(page.GetByTestId("confirm-booking")).ToBeVisibleAsync();
        }
    };

    // Staff search the patients named Milner (the demo family).
    private static async Task SearchPatientsAsync(IPage page)
    {
        await page.GotoAsync("/admin/patients");
        await page.GetByTestId("search-name").FillAsync("Milner");
        await page.GetByTestId("search").ClickAsync();
        await Expect(page.GetByTestId("open-patient").First).ToBeVisibleAsync();
    }

    /// <summary>The first record the search for the demo family finds.</summary>
    private static async Task OpenPatientRecordAsync(IPage page)
    {
        await SearchPatientsAsync(page);
        await page.GotoAsync(await page.GetByTestId("open-patient").First.GetAttributeAsync("href") ?? "");
    }

    // The page a registration ends on ("check your email").
    private static async Task RegisterAsync(IPage page)
    {
        var patient = Patient.New(await LanguageAsync(page), "crawl");
        await page.GotoAsync("/register");
        var register = new RegisterPage(page);
        await register.FillAsync(patient);
        await register.SubmitAsync();
        await page.WaitForPageAsync("**/register/sent**");
    }

    // The terms a new account accepts after following its activation email.
    private static async Task ActivationTermsAsync(IPage page)
    {
        var patient = Patient.New(await LanguageAsync(page), "crawl");
        await page.GotoAsync("/register");
        var register = new RegisterPage(page);
        await register.FillAsync(patient);
        await register.SubmitAsync();
        var mailbox = await Mailbox.OpenAsync(page.Context);
        var activation = await mailbox.WaitForAsync(patient.Email, PortalText.For(patient.Language).ActivationMail);
        await mailbox.Page.CloseAsync();
        await page.GotoAsync(activation.Link);
        await Expect(new TermsPage(page).AcceptButton).ToBeVisibleAsync();
    }

    // The second step of a staff sign-in (the admin's authenticator is set up when the crawl signs staff in).
    private static async Task SignInCodeAsync(IPage page)
    {
        var language = await LanguageAsync(page);
        await page.GotoAsync("/login");
        await new LoginPage(page).SubmitAsync(SiteCrawl.AdminEmail, SiteCrawl.AdminPassword);
        if (page.Url.Contains("/account/two-step/authenticator", StringComparison.Ordinal))
        {
            // The admin's first sign-in on this portal: set the app up (the tests' "phone" keeps the key), sign out, come again.
            var setUp = new SetUpAuthenticatorPage(page);
            await setUp.SetUpAsync(SiteCrawl.AdminEmail, SiteCrawl.AdminPassword);
            await setUp.ContinueAsync();
            await page.GetByTestId("logout").ClickAsync();
            await page.GotoAsync("/login");
            await new LoginPage(page).SubmitAsync(SiteCrawl.AdminEmail, SiteCrawl.AdminPassword);
        }

        await page.WaitForPageAsync("**/login/code**");

        // The password step sets the language to the account's: put the crawl's language back.
        var culture = language == "en" ? "en-CA" : "fr-CA";
        await page.Context.AddCookiesAsync(
        [
            new Cookie { Name = SiteCrawl.CultureCookie, Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = new Uri(page.Url).GetLeftPart(UriPartial.Authority) },
        ]);
        await page.ReloadAsync();
    }

    // The language the crawl set on this browser (its culture cookie), as "fr"/"en".
    private static async Task<string> LanguageAsync(IPage page)
    {
        var cookies = await page.Context.CookiesAsync();
        return cookies.Any(c => c.Name == SiteCrawl.CultureCookie && c.Value.Contains("en-CA", StringComparison.Ordinal)) ? "en" : "fr";
    }
}
