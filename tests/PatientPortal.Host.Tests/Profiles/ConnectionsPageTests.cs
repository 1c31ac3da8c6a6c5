using System.Net;
using PatientPortal.Testing;
using PatientPortal.Modules.Accounts.Contracts;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Profiles;

/// <summary>
/// Connected Accounts over HTTP (/account/connections): both languages, sign-in required, antiforgery on every change,
/// another family's link id in a decision or a removal is not found, extra form fields are ignored, a match and no
/// match answer alike, the connect form is limited per network. The rules are the module's (Modules.Profiles.Tests:
/// ConnectProfileTests, DecideConsentTests).
/// </summary>
public sealed class ConnectionsPageTests
{
    private const string Url = "/account/connections";
    private const string AlexCard = "TREA90051712";
    private const string Neutral = "Thank you. If these details match a patient of the clinic, the request will be reviewed and you will receive an email. Nothing more is shown until then.";

    private static readonly Dictionary<string, string?> RoomyLimit = new() { ["Profiles:MaxConnectionAttemptsPerDay"] = "200" };

    [Fact]
    public async Task The_page_needs_a_signed_in_account_and_speaks_english_and_french()
    {
        await using var portal = await StartAsync();
        var anonymous = Browser(portal);
        var refused = await anonymous.Http.GetAsync(Url);
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LocationPath(refused).ShouldBe("/login");

        var english = Browser(portal);
        await english.SignInAsDemoPatientInEnglishAsync();
        var page = await english.GetAsync(Url);
        page.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Text("page-title").ShouldBe("Connected Accounts");
        page.Text("connect-submit").ShouldBe("Connect");
        page.Text("no-consent-requests").ShouldBe("No one is waiting for your consent.");
        (await english.GetAsync("/")).Document.QuerySelector("[data-testid='connected-accounts']")!.GetAttribute("href").ShouldBe(Url);

        var french = Browser(portal, "fr-CA");
        (await french.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await french.SwitchLanguageAsync("fr");
        var pageFr = await french.GetAsync(Url);
        pageFr.Text("page-title").ShouldBe("Comptes connectés");
        pageFr.Text("connect-submit").ShouldBe("Connecter");
        pageFr.Text("nobody-can-access").ShouldBe("Personne d'autre ne peut accéder à votre dossier.");
    }

    [Fact]
    public async Task A_card_number_with_special_characters_gets_its_message_in_either_language()
    {
        await using var portal = await StartAsync();
        var english = Browser(portal);
        await english.SignInAsDemoPatientInEnglishAsync();

        var page = await Page.ParseAsync(await ConnectAsync(english, "Nathan", "Milner", "2017-02-18", "MILN-1702 1812"));

        page.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        FormErrors(page).ShouldContain("letters and digits only");
        await english.SwitchLanguageAsync("fr");
        var pageFr = await Page.ParseAsync(await ConnectAsync(english, "Nathan", "Milner", "2017-02-18", "MILN-1702 1812"));
        FormErrors(pageFr).ShouldContain("en lettres et en chiffres seulement");
    }

    [Fact]
    public async Task Changes_without_the_antiforgery_token_are_refused()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientInEnglishAsync();

        foreach (var (handler, fields) in new[]
        {
            ("Connect", Form("Nathan", "Milner", "2017-02-18", "MILN17021812")),
            ("Decide", new Dictionary<string, string> { ["accessId"] = Guid.NewGuid().ToString(), ["decision"] = "approve" }),
            ("Remove", new Dictionary<string, string> { ["accessId"] = Guid.NewGuid().ToString() }),
        })
        {
            (await client.PostWithoutTokenAsync($"{Url}?handler={handler}", fields)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task A_consent_request_is_decided_only_by_the_person_whose_file_it_is_and_extra_fields_change_nothing()
    {
        await using var portal = await StartAsync(settings: RoomyLimit);
        var alex = await PatientAsync(portal, "alex.connect@example.com", "Alex", "Tremblay", "1990-05-17", AlexCard, "fr");
        var sam = await PatientAsync(portal, "sam.connect@example.com", "Sam", "Gagnon", "1988-03-09", "GAGS88030912", "en");
        var other = await PatientAsync(portal, "other.family@example.com", "Marc", "Roy", "1975-07-01", "ROYM75070112", "en");

        // Sam asks for Alex's file, with fields a forged form might add: none of them is read.
        var form = Form("ALEX", "tremblay", "1990-05-17", AlexCard);
        form["Input.State"] = "Active";
        form["Input.Tabs"] = "All";
        form["Input.AccountId"] = Guid.NewGuid().ToString();
        form["AccountId"] = Guid.NewGuid().ToString();
        form["Input.GuardianEmail"] = "sam.connect@example.com";
        var asked = await WhenAsync(() => ConnectAsync(sam, form), async () => (await alex.GetAsync(Url)).Document.QuerySelector("[data-testid='consent-request']") is not null);
        LocationPath(asked).ShouldBe(Url);
        var samPage = await sam.FollowAsync(asked);
        samPage.Text("connections-done").ShouldBe(Neutral);
        // Nothing shows the match until Alex decides: no pending connection, only dated submissions.
        samPage.Document.QuerySelector("[data-testid='connection']").ShouldBeNull();
        samPage.Document.QuerySelectorAll("[data-testid='submitted-state']").ShouldAllBe(e => e.TextContent == "Submitted");
        samPage.Document.Body!.TextContent.ShouldNotContain("Tremblay");

        // No match: the same answer.
        var noMatch = await ConnectAsync(sam, Form("Alex", "Tremblay", "1990-05-17", "TREA90051799"));
        (noMatch.StatusCode, noMatch.Headers.Location).ShouldBe((asked.StatusCode, asked.Headers.Location));

        var request = await alex.MailStartingWithAsync("alex.connect@example.com", "Quelqu'un a demandé d'être connecté à votre dossier patient");
        request.TextBody.ShouldContain("Sam Gagnon");
        request.TextBody.ShouldNotContain(AlexCard);
        var alexPage = await alex.GetAsync(Url);
        alexPage.Text("consent-requester").ShouldBe("Sam Gagnon");
        var accessId = alexPage.Document.QuerySelector("[data-testid='consent-request']")!.GetAttribute("data-access-id")!;

        // Another family, and the requester himself, post Alex's request id: not found, and nothing changes.
        foreach (var stranger in new[] { other, sam })
        {
            (await DecideAsync(stranger, accessId, "approve")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await stranger.PostFormAsync(Url, new Dictionary<string, string> { ["accessId"] = accessId }, $"{Url}?handler=Remove")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await DecideAsync(alex, accessId, "maybe")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // A GET never decides.
        await alex.Http.GetAsync($"{Url}?handler=Decide&accessId={accessId}&decision=approve");
        (await sam.GetAsync(Url)).Document.QuerySelector("[data-testid='connection-state']").ShouldBeNull();

        var approved = await DecideAsync(alex, accessId, "approve");
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var afterApproval = await alex.FollowAsync(approved);
        afterApproval.Text("connections-done").ShouldStartWith("Vous avez accepté la demande");
        afterApproval.Text("proxy-name").ShouldBe("Sam Gagnon");
        (await sam.GetAsync(Url)).Document.QuerySelector("[data-testid='connection-state']")!.GetAttribute("data-state").ShouldBe("Active");
        (await sam.MailStartingWithAsync("sam.connect@example.com", "Your connection request was approved")).TextBody.ShouldContain("Alex Tremblay");

        var removed = await alex.PostFormAsync(Url, new Dictionary<string, string> { ["accessId"] = accessId }, $"{Url}?handler=Remove");
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await alex.FollowAsync(removed)).Text("nobody-can-access").ShouldNotBeEmpty();
        var samAfter = await sam.GetAsync(Url);
        samAfter.Document.QuerySelector("[data-testid='connection-state']")!.GetAttribute("data-state").ShouldBe("Revoked");
        samAfter.Text("connection-state").ShouldBe("Ended");
    }

    [Fact]
    public async Task A_child_a_person_of_age_and_nobody_get_the_same_answer_and_leave_the_same_page()
    {
        await using var portal = await StartAsync(settings: RoomyLimit);
        // Sophie (the second demo family) is not Nathan's guardian on file (a request for staff), Hugo is of age (a
        // request for his consent), and the third card is nobody's.
        var sophie = Browser(portal);
        (await sophie.SignInAsync(DemoClinic.SophieGagnonEmail, DemoClinic.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await sophie.SwitchLanguageAsync("en");
        var before = await sophie.GetAsync(Url);
        var mine = before.Document.QuerySelector("[data-testid='connections']")!.OuterHtml;

        var answers = new List<HttpResponseMessage>();
        foreach (var (first, last, birth, card) in new[]
        {
            ("Zoe", "Roy", "2016-04-04", "ROYZ16040412"),
            ("Nathan", "Milner", "2017-02-18", "MILN17021812"),
            ("Hugo", "Lévesque", "2005-10-20", "LEVH05102012"),
        })
        {
            var answer = await ConnectAsync(sophie, first, last, birth, card);
            answers.Add(answer);
            var page = await sophie.FollowAsync(answer);
            page.Text("connections-done").ShouldBe(Neutral, card);
            page.Document.QuerySelector("[data-testid='connections']")!.OuterHtml.ShouldBe(mine, card);
            page.Document.QuerySelectorAll("[data-testid='submitted-state']").Select(e => e.TextContent).ShouldBe(Enumerable.Repeat("Submitted", answers.Count), card);
            page.Document.Body!.TextContent.ShouldNotContain(last);
        }

        answers.Select(a => (a.StatusCode, a.Headers.Location?.ToString())).Distinct().ShouldHaveSingleItem().ShouldBe((HttpStatusCode.Redirect, $"{Url}?done=submitted"));
        (await sophie.GetAsync("/")).Document.Body!.TextContent.ShouldNotContain("Hugo", customMessage: "the dashboard shows no pending link either");

        await sophie.SwitchLanguageAsync("fr");
        (await sophie.GetAsync($"{Url}?done=submitted")).Text("connections-done")
            .ShouldBe("Merci. Si ces renseignements correspondent à un patient de la clinique, la demande sera examinée et vous recevrez un courriel. Rien d'autre ne s'affichera d'ici là.");
    }

    [Fact]
    public async Task The_connect_form_is_limited_per_network_with_the_localized_429_page_and_other_changes_are_not()
    {
        await using var portal = await StartAsync(settings: new Dictionary<string, string?>(RoomyLimit) { ["RateLimits:ConnectionPostsPerHour"] = "3" });
        var english = Browser(portal);
        await english.SignInAsDemoPatientInEnglishAsync();
        for (var i = 0; i < 3; i++)
        {
            (await ConnectAsync(english, "Zoe", "Roy", "2016-04-04", $"ROYZ160404{i:00}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var limited = await ConnectAsync(english, "Zoe", "Roy", "2016-04-04", "ROYZ16040499");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await limited.Content.ReadAsStringAsync()).ShouldContain("Too many attempts");
        // Another account from the same network is held back too, in its language; the handler's name in another case is the same form.
        var sophie = Browser(portal, "fr-CA");
        (await sophie.SignInAsync(DemoClinic.SophieGagnonEmail, DemoClinic.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await sophie.SwitchLanguageAsync("fr");
        var limitedFr = await sophie.PostFormAsync(Url, Form("Zoe", "Roy", "2016-04-04", "ROYZ16040498"), $"{Url}?handler=connect");
        limitedFr.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await limitedFr.Content.ReadAsStringAsync()).ShouldContain("Trop de tentatives");
        // Reading the page and the other changes are not limited.
        (await english.GetAsync(Url)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await english.PostFormAsync(Url, new Dictionary<string, string> { ["accessId"] = Guid.NewGuid().ToString() }, $"{Url}?handler=Remove")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static Dictionary<string, string> Form(string firstName, string lastName, string dateOfBirth, string card) => new()
    {
        ["Input.FirstName"] = firstName,
        ["Input.LastName"] = lastName,
        ["Input.DateOfBirth"] = dateOfBirth,
        ["Input.HealthInsuranceNumber"] = card,
        ["Input.Relationship"] = "Parent",
    };

    private static Task<HttpResponseMessage> ConnectAsync(PortalClient client, string firstName, string lastName, string dateOfBirth, string card) =>
        ConnectAsync(client, Form(firstName, lastName, dateOfBirth, card));

    private static Task<HttpResponseMessage> ConnectAsync(PortalClient client, Dictionary<string, string> form) =>
        client.PostFormAsync(Url, form, $"{Url}?handler=Connect");

    private static Task<HttpResponseMessage> DecideAsync(PortalClient client, string accessId, string decision) =>
        client.PostFormAsync(Url, new Dictionary<string, string> { ["accessId"] = accessId, ["decision"] = decision }, $"{Url}?handler=Decide");

    /// <summary>
    /// Own profiles are made from Accounts' event, through the outbox, and the answer no longer tells whether they
    /// matched: connects again until <paramref name="matched"/> says the other side sees it.
    /// </summary>
    private static async Task<HttpResponseMessage> WhenAsync(Func<Task<HttpResponseMessage>> connect, Func<Task<bool>> matched)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await connect();
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
            if (await matched() || attempt == 60)
            {
                (await matched()).ShouldBeTrue("the connection request never reached the person");
                return response;
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Registers and activates an account with its own names, birth date, card and language; the client is signed in.</summary>
    private static async Task<PortalClient> PatientAsync(
        PortalFactory portal, string email, string firstName, string lastName, string dateOfBirth, string card, string language)
    {
        var client = Browser(portal, language == "fr" ? "fr-CA" : "en-CA");
        var form = Registration(email, Password);
        form["Input.FirstName"] = firstName;
        form["Input.LastName"] = lastName;
        form["Input.DateOfBirth"] = dateOfBirth;
        form["Input.HealthInsuranceNumber"] = card;
        form["Input.Language"] = language;
        var registered = await client.PostFormAsync("/register", form);
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(registered));
        var link = PortalClient.LinkIn(await client.MailToAsync(email));
        var activated = await client.PostFormAsync(link, new Dictionary<string, string> { ["termsVersion"] = "2026-01", ["password"] = Password });
        activated.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(activated));
        return client;
    }
}
