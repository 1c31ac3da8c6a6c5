using System.Net;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Contracts;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;
using static PatientPortal.Host.Tests.Inbox.InboxPortal;
using static PatientPortal.Host.Tests.Profiles.ProfilesPortal;

namespace PatientPortal.Host.Tests.Inbox;

/// <summary>
/// The inbox over HTTP on the Development demo clinic: staff compose (a bill with a real PDF), the patient's tabs and
/// counters, the thread, the attachment endpoint's headers, the reply form's rules as the page shows them (FR and EN);
/// and the security cases (security.md B13 another family's ids, C18 stored XSS in both views, C20 traversal and
/// headers, CSRF, per-tab permissions, F29 the trail).
/// </summary>
public sealed class InboxPagesTests
{
    private const string Xss = "<script>alert('x')</script><img src=x onerror=alert(1)>\"'&";

    [Fact]
    public async Task A_bill_with_a_pdf_is_listed_bold_counted_read_opened_and_downloaded_and_the_counters_drop()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var heather = await HeatherForNathanAsync(portal);
        var before = await heather.GetAsync("/bills");
        var id = await ComposeAsync(staff, DemoClinic.NathanMilnerProfileId, "Bill", "Consultation receipt March", file: ("receipt-march.pdf", Pdf()));

        var bills = await heather.GetAsync("/bills");
        bills.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Counter(bills, "bills").ShouldBe(Counter(before, "bills") + 1);
        Counter(bills, "inbox").ShouldBe(Counter(before, "inbox") + 1);
        var row = bills.Document.QuerySelectorAll("[data-testid='inbox-row']").Single(r => r.TextContent.Contains("Consultation receipt March", StringComparison.Ordinal));
        row.GetAttribute("data-unread").ShouldBe("true");
        row.TextContent.ShouldContain("Dr. Medfar Solutions");
        row.TextContent.ShouldContain("My Clinic");
        row.QuerySelector("[data-testid='has-attachment']").ShouldNotBeNull();
        bills.Document.QuerySelector("thead")!.TextContent.Split(' ', '\n').Where(w => w.Length > 0).ShouldBe(["Date", "From", "Site", "Type", "Subject"]);

        var thread = await heather.GetAsync($"/inbox/{id}?from=bills");
        thread.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        thread.Text("page-title").ShouldBe("Consultation receipt March");
        thread.Document.QuerySelector("[data-testid='back']")!.GetAttribute("href").ShouldBe("/bills");
        thread.Text("message-body").ShouldBe("Hello,\nplease see the attached file.");
        thread.Text("reply-limit").ShouldBe("Note: You are limited to a single response.");
        var link = thread.Document.QuerySelector("[data-testid='attachment-link']")!;
        link.GetAttribute("target").ShouldBe("_blank");
        link.TextContent.ShouldContain("receipt-march.pdf");
        var attachment = AttachmentIdIn(thread);

        var view = await heather.Http.GetAsync($"/inbox/{id}/attachments/{attachment}");
        view.StatusCode.ShouldBe(HttpStatusCode.OK);
        view.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        view.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        view.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe("receipt-march.pdf");
        view.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        view.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await view.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf());
        var download = await heather.Http.GetAsync($"/inbox/{id}/attachments/{attachment}?download=true");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Headers.CacheControl!.NoStore.ShouldBeTrue();

        var after = await heather.GetAsync("/bills");
        Counter(after, "bills").ShouldBe(Counter(before, "bills"));
        after.Document.QuerySelectorAll("[data-testid='inbox-row']").Single(r => r.TextContent.Contains("Consultation receipt March", StringComparison.Ordinal))
            .GetAttribute("data-unread").ShouldBe("false");
        (await ReadsAsync(portal, DemoClinic.NathanMilnerProfileId)).Select(r => (r.What, r.Allowed)).ShouldContain(("attachment", true));
    }

    [Fact]
    public async Task The_patient_replies_once_and_the_reply_shows_under_the_communication_in_sent_and_in_the_staff_inbox()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var heather = await HeatherForNathanAsync(portal);
        var id = await ComposeAsync(staff, DemoClinic.NathanMilnerProfileId, "Message", "Waiting list confirmation", "Hi Heather,\nPlease confirm with us.", from: null);

        var thread = await heather.GetAsync($"/inbox/{id}");
        thread.Text("message-author").ShouldBe("Clinic's Administration");
        var form = await heather.GetAsync($"/inbox/{id}?from=inbox&reply=true");
        form.Text("emergency").ShouldBe("⚠ If this is an emergency call 911.");
        form.Text("disclaimer").ShouldNotBeEmpty();
        form.Document.QuerySelector("label[for='reply-accepted']")!.TextContent.ShouldBe("I have read and understood the disclaimer");
        form.Text("reply-cancel").ShouldBe("Cancel");
        form.Text("reply-send").ShouldBe("Send");
        form.Text("reply-counter").ShouldBe("0 / 500");
        form.Text("reply-as").ShouldBe("Heather Milner, for Nathan Milner");
        form.Document.QuerySelector("[data-testid='reply-accepted']")!.HasAttribute("required").ShouldBeTrue();

        // The server decides: 501 characters (each an accented letter, one character as the patient sees it) and no
        // checkbox are refused with the page's message; 500 emoji are one reply.
        var tooLong = await Page.ParseAsync(await ReplyAsync(heather, id, new string('é', 501)));
        tooLong.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        tooLong.Text("reply-error").ShouldBe("Your reply is limited to 500 characters.");
        tooLong.Text("reply-counter").ShouldBe("501 / 500");
        var unchecked_ = await Page.ParseAsync(await ReplyAsync(heather, id, "Hi, I am registered on the december list. Thanks", accepted: false));
        unchecked_.Text("reply-error").ShouldBe("Check \"I have read and understood the disclaimer\" to send your reply.");
        unchecked_.Document.QuerySelector("[data-testid='reply-text']")!.TextContent.ShouldBe("Hi, I am registered on the december list. Thanks");

        var emoji = string.Concat(Enumerable.Repeat("👍🏽", 500));
        var sent = await ReplyAsync(heather, id, emoji);
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await heather.FollowAsync(sent);
        after.Text("reply-sent").ShouldStartWith("Your reply was sent.");
        var messages = after.Document.QuerySelectorAll("[data-testid='thread-message']");
        messages[0].GetAttribute("data-author").ShouldBe("Patient");
        // Heather wrote it for her son (review L1), and says so.
        messages[0].QuerySelector("[data-testid='message-author']")!.TextContent.ShouldBe("Heather Milner, for Nathan Milner");
        messages[0].QuerySelector("[data-testid='message-body']")!.TextContent.ShouldBe(emoji);
        after.Document.QuerySelector("[data-testid='reply']").ShouldBeNull();
        after.Document.QuerySelector("[data-testid='reply-limit']").ShouldBeNull();

        // A second reply is not offered, and refused if posted anyway.
        var again = await Page.ParseAsync(await ReplyAsync(heather, id, "One more thing"));
        again.Document.QuerySelector("[data-testid='reply-form']").ShouldBeNull();
        again.Text("reply-error").ShouldBe("No reply can be sent to this communication: the clinic does not allow one, or you have already replied.");
        (await heather.GetAsync($"/inbox/{id}?reply=true")).Document.QuerySelector("[data-testid='reply-form']").ShouldBeNull();

        var sentTab = await heather.GetAsync("/sent");
        sentTab.Document.QuerySelectorAll("[data-testid='inbox-row']").ShouldContain(r => r.TextContent.Contains("Waiting list confirmation", StringComparison.Ordinal));
        // Opened from Sent, the original message is at the top and the reply under it (the issue; the guide's "below").
        var fromSent = await heather.GetAsync($"/inbox/{id}?from=sent");
        fromSent.Document.QuerySelectorAll("[data-testid='thread-message']").Select(m => m.GetAttribute("data-author")).ShouldBe(["Clinic", "Patient"]);

        var staffInbox = await staff.GetAsync("/admin/inbox");
        var reply = staffInbox.Document.QuerySelectorAll("[data-testid='reply-row']").Single(r => r.TextContent.Contains("Waiting list confirmation", StringComparison.Ordinal));
        reply.GetAttribute("data-unread").ShouldBe("true");
        reply.QuerySelector("[data-testid='reply-patient']")!.TextContent.ShouldContain("Milner");
        // The demo admin's account speaks French.
        reply.QuerySelector("[data-testid='reply-writer']")!.TextContent.ShouldBe("Heather Milner, pour Nathan Milner");
        var staffThread = await staff.GetAsync($"/admin/inbox/{id}");
        staffThread.Text("thread-patient").ShouldStartWith("Nathan Milner");
        staffThread.Document.QuerySelectorAll("[data-testid='message-author']")[0].TextContent.ShouldBe("Heather Milner, pour Nathan Milner");
        staffThread.Document.QuerySelectorAll("[data-testid='message-author'] [translate='no']").Take(2).Select(n => n.TextContent).ShouldBe(["Heather Milner", "Nathan Milner"]);
        staffThread.Document.QuerySelectorAll("[data-testid='message-body']")[0].TextContent.ShouldBe(emoji);
        (await staff.GetAsync("/admin/inbox")).Document.QuerySelectorAll("[data-testid='reply-row']")
            .Single(r => r.TextContent.Contains("Waiting list confirmation", StringComparison.Ordinal)).GetAttribute("data-unread").ShouldBe("false");
    }

    [Fact]
    public async Task The_pages_are_in_french()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var heather = await HeatherForNathanAsync(portal, "fr");
        var id = await ComposeAsync(staff, DemoClinic.NathanMilnerProfileId, "Document", "Formulaire de dermatologie", file: ("formulaire.pdf", Pdf()), from: null);

        var documents = await heather.GetAsync("/documents");
        documents.Text("page-title").ShouldBe("Documents");
        documents.Text("tab-inbox").ShouldContain("Boîte de réception");
        documents.Text("tab-bills").ShouldContain("Factures");
        documents.Text("tab-sent").ShouldContain("Envoyées");
        documents.Document.QuerySelector("thead")!.TextContent.ShouldContain("Objet");
        documents.Document.QuerySelectorAll("[data-testid='inbox-row']").ShouldContain(r => r.TextContent.Contains("Administration Clinique", StringComparison.Ordinal));

        var form = await heather.GetAsync($"/inbox/{id}?reply=true");
        form.Text("reply-limit").ShouldBe("Note : Vous êtes limité à une seule réponse.");
        form.Text("emergency").ShouldBe("⚠ S'il s'agit d'une urgence, appelez le 911.");
        form.Document.QuerySelector("label[for='reply-accepted']")!.TextContent.ShouldBe("J'ai lu et compris la clause de non-responsabilité.");
        form.Text("reply-cancel").ShouldBe("Annuler");
        form.Text("reply-send").ShouldBe("Envoyer");
        form.Document.QuerySelector("[data-testid='attachment-download']")!.GetAttribute("aria-label").ShouldBe("Télécharger formulaire.pdf");

        var refused = await Page.ParseAsync(await ReplyAsync(heather, id, new string('a', 501)));
        refused.Text("reply-error").ShouldBe("Votre réponse est limitée à 500 caractères.");
        var unchecked_ = await Page.ParseAsync(await ReplyAsync(heather, id, "Merci", accepted: false));
        unchecked_.Text("reply-error").ShouldStartWith("Cochez « J'ai lu et compris la clause de non-responsabilité »");
        unchecked_.Text("reply-as").ShouldBe("Heather Milner, pour Nathan Milner");
        var sent = await heather.FollowAsync(await ReplyAsync(heather, id, "Merci"));
        sent.Document.QuerySelectorAll("[data-testid='message-author']")[0].TextContent.ShouldBe("Heather Milner, pour Nathan Milner");
    }

    [Fact]
    public async Task Another_familys_communication_and_attachment_are_not_found_with_nothing_leaked_and_the_refusal_is_on_the_trail()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var leas = await ComposeAsync(staff, DemoClinic.LeaGagnonProfileId, "Bill", "Lea-secret-subject", "Lea-secret-body", ("lea-invoice.pdf", Pdf("Lea")));
        var sophie = await SophieForLeaAsync(portal);
        var attachment = AttachmentIdIn(await sophie.GetAsync($"/inbox/{leas}"));
        var heather = await HeatherForNathanAsync(portal);
        var token = await heather.TokenAsync("/inbox");

        foreach (var url in new[] { $"/inbox/{leas}", $"/inbox/{leas}?reply=true", $"/inbox/{leas}/attachments/{attachment}", $"/inbox/{leas}/attachments/{attachment}?download=true",
                     $"/inbox/{Guid.NewGuid()}", $"/inbox/{Guid.NewGuid()}/attachments/{attachment}" })
        {
            var response = await heather.Http.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            var body = await response.Content.ReadAsStringAsync();
            body.ShouldNotContain("Lea-secret", Case.Insensitive, url);
            body.ShouldNotContain("lea-invoice", Case.Insensitive, url);
            response.Content.Headers.ContentDisposition.ShouldBeNull(url);
        }

        var reply = await heather.Http.PostAsync($"/inbox/{leas}?handler=Reply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Text"] = "not mine", ["Input.Accepted"] = "true",
        }));
        reply.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await heather.GetAsync("/sent")).Document.Body!.TextContent.ShouldNotContain("Lea-secret");

        // Still Léa's, unread by her, with no reply.
        var lea = await sophie.GetAsync($"/inbox/{leas}");
        lea.Document.QuerySelectorAll("[data-testid='thread-message']").Length.ShouldBe(1);
        lea.Document.QuerySelector("[data-testid='reply']").ShouldNotBeNull();
        (await ReadsAsync(portal, DemoClinic.LeaGagnonProfileId)).ShouldContain(r => r.ReaderAccountId == DemoClinic.HeatherMilnerAccountId && !r.Allowed);
    }

    [Fact]
    public async Task Traversal_and_malformed_attachment_addresses_find_nothing()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var id = await ComposeAsync(staff, DemoClinic.NathanMilnerProfileId, "Document", "Referral", file: ("../../etc/passwd.pdf", Pdf()));
        var heather = await HeatherForNathanAsync(portal);
        var thread = await heather.GetAsync($"/inbox/{id}");
        // The shown name is the module's clean one: no path.
        thread.Document.QuerySelector("[data-testid='attachment-link']")!.TextContent.ShouldNotContain("/");
        var attachment = AttachmentIdIn(thread);
        var ok = await heather.Http.GetAsync($"/inbox/{id}/attachments/{attachment}");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        var name = ok.Content.Headers.ContentDisposition!.FileName!.Trim('"');
        name.ShouldNotContain("/");
        name.ShouldNotContain("\\");
        name.ShouldNotStartWith(".");

        foreach (var url in new[]
                 {
                     $"/inbox/{id}/attachments/..%2F..%2F..%2Fetc%2Fpasswd", $"/inbox/{id}/attachments/%2e%2e%2f%2e%2e%2fappsettings.json",
                     $"/inbox/{id}/attachments/{attachment}%2F..%2F..%2Fjobs.db", $"/inbox/{id}/attachments/..\\..\\web.config",
                     $"/inbox/{id}/attachments/{attachment}/../../../App_Data/inbox.db", "/inbox/..%2F..%2FApp_Data%2Finbox.db",
                     $"/inbox/{id}/attachments/{attachment}?file=../../App_Data/accounts.db",
                 })
        {
            var response = await heather.Http.GetAsync(url);
            if (url.Contains("?file=", StringComparison.Ordinal))
            {
                // An extra parameter changes nothing: the same attachment, never another file.
                (await response.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf(), url);
                continue;
            }

            response.StatusCode.ShouldBeOneOf([HttpStatusCode.NotFound, HttpStatusCode.BadRequest], url);
            response.Content.Headers.ContentType?.MediaType.ShouldNotBe("application/pdf", url);
        }
    }

    [Fact]
    public async Task A_stored_script_in_a_reply_is_inert_text_in_the_patient_view_and_the_staff_view()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        // The sender is chosen among the clinic's practitioners: one named with a script, as staff may type it in the clinic's pages.
        var clinic = await staff.GetAsync("/admin/clinic");
        (await staff.PostFormAsync("/admin/clinic/practitioners", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = Xss,
            ["Input.SpecialtyIds"] = clinic.Document.QuerySelector("[data-testid='edit-specialty']")!.GetAttribute("href")!.Split('/')[^1],
            ["Input.SiteIds"] = clinic.Document.QuerySelector("[data-testid='edit-site']")!.GetAttribute("href")!.Split('/')[^1],
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await ComposeAsync(staff, DemoClinic.NathanMilnerProfileId, "Message", "Question", Xss + "\nsecond line", from: Xss);
        var heather = await HeatherForNathanAsync(portal);
        (await ReplyAsync(heather, id, Xss)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        foreach (var (client, url) in new[] { (heather, $"/inbox/{id}"), (heather, "/sent"), (heather, "/inbox"), (staff, $"/admin/inbox/{id}"), (staff, "/admin/inbox") })
        {
            var response = await client.Http.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldNotContain("<script>alert", Case.Insensitive, url);
            html.ShouldNotContain("<img src=x", Case.Insensitive, url);
            var page = await Page.ParseAsync(new HttpResponseMessage { Content = new StringContent(html) });
            page.Document.QuerySelectorAll("script").ShouldAllBe(s => s.GetAttribute("src") != null, url);
            page.Document.QuerySelectorAll("[onerror]").ShouldBeEmpty(url);
            response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
        }

        var thread = await heather.GetAsync($"/inbox/{id}");
        thread.Document.QuerySelectorAll("[data-testid='message-body']").Select(b => b.TextContent).ShouldBe([Xss, Xss + "\nsecond line"]);
        (await staff.GetAsync($"/admin/inbox/{id}")).Document.QuerySelectorAll("[data-testid='message-body']")[0].TextContent.ShouldBe(Xss);
    }

    [Fact]
    public async Task A_proxy_opens_only_the_tabs_its_link_allows_and_loses_them_with_the_link()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var (account, _) = await OwnProfileAsync(portal, DemoClinic.HeatherMilnerEmail);
        var child = await AttachChildAsync(portal, account, "Zoé", "Milner", new DateOnly(2018, 5, 2), "MILZ18050299", ProfileTabs.Appointments | ProfileTabs.Messages);
        var message = await ComposeAsync(staff, child, "Message", "Zoé message");
        var bill = await ComposeAsync(staff, child, "Bill", "Zoé bill", file: ("zoe.pdf", Pdf()));
        var heather = Browser(portal);
        (await heather.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await heather.SwitchToAsync(child)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var inbox = await heather.GetAsync("/inbox");
        inbox.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        inbox.Document.QuerySelectorAll("[data-testid^='tab-']").Select(t => t.GetAttribute("data-testid")).ShouldBe(["tab-appointments", "tab-inbox", "tab-sent", "tab-profile"]);
        var rows = inbox.Document.QuerySelectorAll("[data-testid='inbox-row']").Select(r => r.TextContent).ToList();
        rows.ShouldContain(r => r.Contains("Zoé message", StringComparison.Ordinal));
        rows.ShouldNotContain(r => r.Contains("Zoé bill", StringComparison.Ordinal));
        Counter(inbox, "inbox").ShouldBe(1);
        foreach (var url in new[] { "/bills", "/documents", $"/inbox/{bill}", $"/inbox/{bill}/attachments/{Guid.NewGuid()}" })
        {
            (await heather.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        var staffView = await staff.GetAsync($"/admin/inbox/{bill}");
        var attachment = AttachmentIdIn(staffView);
        (await heather.Http.GetAsync($"/inbox/{bill}/attachments/{attachment}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await heather.Http.GetAsync($"/inbox/{message}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_compose_form_sent_twice_makes_one_communication()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var formId = Guid.NewGuid().ToString();

        // A double click, or the POST replayed (review L6): the form's one-time id finds the first.
        var first = await PostComposeAsync(staff, DemoClinic.NathanMilnerProfileId, "Message", "Sent once", "Hello", null, formId: formId);
        var again = await PostComposeAsync(staff, DemoClinic.NathanMilnerProfileId, "Message", "Sent once", "Hello", null, formId: formId);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location.ShouldBe(first.Headers.Location);
        var heather = await HeatherForNathanAsync(portal);
        (await heather.GetAsync("/inbox")).Document.QuerySelectorAll("[data-testid='inbox-row']").Count(r => r.TextContent.Contains("Sent once", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Writing_again_in_a_thread_whose_practitioner_was_deactivated_says_so_instead_of_switching_the_sender_silently()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var hers = await ComposeAsync(staff, DemoClinic.NathanMilnerProfileId, "Message", "From Dr. Lefebvre", from: "Dr. Anne Lefebvre");
        var his = await ComposeAsync(staff, DemoClinic.NathanMilnerProfileId, "Message", "From Dr. Nguyen", from: "Dr. Minh Nguyen");
        (await staff.GetAsync($"/admin/inbox/{hers}")).Document.QuerySelector("[data-testid='write-again-sender-gone']").ShouldBeNull("she is still active");

        var lefebvre = OptionValue(await staff.GetAsync($"/admin/inbox/compose?profile={DemoClinic.NathanMilnerProfileId}"), "compose-from", "Dr. Anne Lefebvre");
        LocationPath(await staff.PostFormAsync("/admin/clinic", new Dictionary<string, string>(), $"/admin/clinic?handler=Active&item=Practitioner&id={lefebvre}&active=false"))
            .ShouldBe("/admin/clinic");

        // The demo admin's account speaks French.
        var thread = await staff.GetAsync($"/admin/inbox/{hers}");
        thread.Text("write-again-sender-gone").ShouldBe("L'intervenant qui a écrit ce fil n'est plus actif à la clinique : choisissez l'expéditeur de ce message.");
        thread.Document.QuerySelector("[data-testid='write-again-from'] option[selected]").ShouldBeNull("nothing is chosen for them");
        await staff.SwitchLanguageAsync("en");
        (await staff.GetAsync($"/admin/inbox/{hers}")).Text("write-again-sender-gone")
            .ShouldBe("The practitioner who wrote this thread is no longer active at the clinic: choose who this message is from.");
        var other = await staff.GetAsync($"/admin/inbox/{his}");
        other.Document.QuerySelector("[data-testid='write-again-sender-gone']").ShouldBeNull();
        other.Document.QuerySelector("[data-testid='write-again-from'] option[selected]")!.TextContent.ShouldBe("Dr. Minh Nguyen");
    }

    [Fact]
    public async Task Staff_choose_the_sender_and_site_among_the_clinics_active_ones_and_a_crafted_value_is_refused_in_both_languages_with_nothing_sent()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var url = $"/admin/inbox/compose?profile={DemoClinic.NathanMilnerProfileId}";
        var lefebvre = OptionValue(await staff.GetAsync(url), "compose-from", "Dr. Anne Lefebvre");
        LocationPath(await staff.PostFormAsync("/admin/clinic", new Dictionary<string, string>(), $"/admin/clinic?handler=Active&item=Practitioner&id={lefebvre}&active=false"))
            .ShouldBe("/admin/clinic");

        // The demo admin's account speaks French. The deactivated practitioner is no longer offered.
        var page = await staff.GetAsync(url);
        Options(page, "compose-from").ShouldBe(["Administration Clinique", "Dr. Julie Bouchard", "Dr. Medfar Solutions", "Dr. Minh Nguyen", "Marc Roy, pht"]);
        Options(page, "compose-site").ShouldBe(["My Clinic", "Téléconsultation"]);
        ErrorLines(page).ShouldBeEmpty();

        // Review L2: a name typed in (what the old form took), another id, the deactivated practitioner, a site by name.
        const string UnknownSender = "Choisissez l'expéditeur parmi les intervenants de la clinique, ou l'administration de la clinique.";
        const string UnknownSite = "Choisissez un des sites de la clinique.";
        foreach (var (fromValue, siteValue, expected) in new (string?, string?, string[])[]
                 {
                     ("Dr. Evil", null, [UnknownSender]),
                     (Guid.NewGuid().ToString(), null, [UnknownSender]),
                     (lefebvre, null, [UnknownSender]),
                     (null, "My Clinic", [UnknownSite]),
                     (null, Guid.NewGuid().ToString(), [UnknownSite]),
                 })
        {
            var refused = await Page.ParseAsync(await PostComposeAsync(
                staff, DemoClinic.NathanMilnerProfileId, "Message", "Crafted sender", "Hello", null, fromValue: fromValue, siteValue: siteValue));
            refused.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
            ErrorLines(refused).ShouldBe(expected, $"{fromValue} at {siteValue}");
            Options(refused, "compose-from").Count.ShouldBe(5, "the form is drawn again with its choices");
        }

        await staff.SwitchLanguageAsync("en");
        var english = await Page.ParseAsync(await PostComposeAsync(
            staff, DemoClinic.NathanMilnerProfileId, "Message", "Crafted sender", "Hello", null, fromValue: "Dr. Evil", siteValue: "Somewhere"));
        ErrorLines(english).ShouldBe(["Choose the sender from the clinic's practitioners, or the clinic's administration.", "Choose one of the clinic's sites."]);
        Options(english, "compose-from")[0].ShouldBe("Clinic's Administration");

        // Nothing was sent; a chosen practitioner and site are.
        (await staff.GetAsync(url)).Document.Body!.TextContent.ShouldNotContain("Crafted sender");
        var id = await ComposeAsync(staff, DemoClinic.NathanMilnerProfileId, "Message", "Chosen sender", from: "Dr. Minh Nguyen");
        var heather = await HeatherForNathanAsync(portal);
        (await heather.GetAsync("/inbox")).Document.Body!.TextContent.ShouldNotContain("Crafted sender");
        var thread = await heather.GetAsync($"/inbox/{id}");
        (thread.Text("message-author"), thread.Text("thread-site")).ShouldBe(("Dr. Minh Nguyen", "My Clinic"));

        // Writing again: the thread's sender is offered first; a crafted one is refused and writes nothing.
        var staffThread = await staff.GetAsync($"/admin/inbox/{id}");
        staffThread.Document.QuerySelector("[data-testid='write-again-from'] option[selected]")!.TextContent.ShouldBe("Dr. Minh Nguyen");
        var crafted = await Page.ParseAsync(await staff.PostFormAsync($"/admin/inbox/{id}",
            new Dictionary<string, string> { ["Input.Body"] = "Crafted again", ["Input.FromPractitionerId"] = "Dr. Evil" }, $"/admin/inbox/{id}?handler=Write"));
        crafted.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        FormErrors(crafted).ShouldBe("Choose the sender from the clinic's practitioners, or the clinic's administration.");
        (await heather.GetAsync($"/inbox/{id}")).Document.QuerySelectorAll("[data-testid='thread-message']").Length.ShouldBe(1);
    }

    [Fact]
    public async Task Thread_views_and_downloads_past_the_per_account_limit_get_the_localized_429_page_and_write_nothing_and_the_rest_is_untouched()
    {
        await using var portal = await StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:InboxReadsPerMinute"] = "4" });
        var staff = await SignedInStaffAsync(portal);
        var id = await ComposeAsync(staff, DemoClinic.NathanMilnerProfileId, "Bill", "Limited reads", file: ("limited.pdf", Pdf()));
        var heather = await HeatherForNathanAsync(portal);
        var trailBefore = (await ReadsAsync(portal, DemoClinic.NathanMilnerProfileId)).Count;

        // Four reads: the thread twice, the PDF viewed and downloaded (review L12).
        var attachment = AttachmentIdIn(await heather.GetAsync($"/inbox/{id}"));
        (await heather.Http.GetAsync($"/inbox/{id}/attachments/{attachment}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await heather.Http.GetAsync($"/inbox/{id}/attachments/{attachment}?download=true")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await heather.GetAsync($"/inbox/{id}")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var limited = await heather.Http.GetAsync($"/inbox/{id}");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        var page = await Page.ParseAsync(limited);
        page.Text("page-title").ShouldBe("Too many pages opened");
        page.Document.Body!.TextContent.ShouldContain("Please wait a minute, then open them again.");
        page.Document.Body.TextContent.ShouldNotContain("Limited reads");
        var file = await heather.Http.GetAsync($"/inbox/{id}/attachments/{attachment}?download=true");
        file.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        file.Content.Headers.ContentDisposition.ShouldBeNull();
        await heather.SwitchLanguageAsync("fr");
        (await heather.GetAsync($"/inbox/{id}")).Text("page-title").ShouldBe("Trop de pages ouvertes");
        // A refused read wrote nothing: four rows, not seven.
        (await ReadsAsync(portal, DemoClinic.NathanMilnerProfileId)).Count.ShouldBe(trailBefore + 4);

        // A reply counts too: a refused one shows the thread again (second review); and nothing was sent.
        (await ReplyAsync(heather, id, "Merci")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await staff.GetAsync($"/admin/inbox/{id}")).Document.QuerySelectorAll("[data-testid='thread-message']").Length.ShouldBe(1);

        // Untouched: the tabs, another account, staff.
        (await heather.GetAsync("/bills")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sophie = await SophieForLeaAsync(portal);
        var leas = (await sophie.GetAsync("/inbox")).Document.QuerySelector("[data-testid='inbox-link']")!.GetAttribute("href")!;
        (await sophie.GetAsync(leas)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await staff.GetAsync($"/admin/inbox/{id}")).Text("page-title").ShouldBe("Limited reads");
    }

    [Fact]
    public async Task Tab_lists_and_appointment_details_past_their_own_per_account_limit_get_the_localized_429_page_and_write_nothing()
    {
        await using var portal = await StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:TabReadsPerMinute"] = "6" });
        var heather = await HeatherForNathanAsync(portal); // switching to Nathan takes two of the six (its form, then the POST)
        var trailBefore = (await ReadsAsync(portal, DemoClinic.NathanMilnerProfileId)).Count;

        // Four reads, each a row on Nathan's access trail: three tabs and one appointment's details.
        (await heather.GetAsync("/inbox")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await heather.GetAsync("/bills")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tab = await heather.GetAsync("/appointments");
        tab.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var details = tab.Document.QuerySelector("[data-testid='upcoming'] [data-testid='appointment-link']")!.GetAttribute("href")!;
        (await heather.GetAsync(details)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var limited = await heather.Http.GetAsync("/documents");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        (await Page.ParseAsync(limited)).Text("page-title").ShouldBe("Too many pages opened");
        (await heather.Http.GetAsync(details)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        await heather.SwitchLanguageAsync("fr");
        (await heather.GetAsync("/appointments")).Text("page-title").ShouldBe("Trop de pages ouvertes");
        // A refused read wrote nothing: four rows, not seven.
        (await ReadsAsync(portal, DemoClinic.NathanMilnerProfileId)).Count.ShouldBe(trailBefore + 4);

        // Untouched: the dashboard, and another account's tabs.
        (await heather.GetAsync("/")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await SophieForLeaAsync(portal)).GetAsync("/inbox")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task With_the_default_limit_reading_the_whole_demo_inbox_and_its_pdfs_at_once_is_never_refused()
    {
        await using var portal = await StartAsync();
        var heather = await HeatherForNathanAsync(portal);

        var links = new List<string>();
        foreach (var tab in new[] { "/inbox", "/inbox?page=2" })
        {
            links.AddRange((await heather.GetAsync(tab)).Document.QuerySelectorAll("[data-testid='inbox-link']").Select(a => a.GetAttribute("href")!));
        }

        links.Count.ShouldBe(21);
        var reads = 0;
        foreach (var link in links)
        {
            var thread = await heather.GetAsync(link);
            thread.Response.StatusCode.ShouldBe(HttpStatusCode.OK, link);
            reads++;
            foreach (var pdf in thread.Document.QuerySelectorAll("[data-testid='attachment-link']").Select(a => a.GetAttribute("href")!))
            {
                (await heather.Http.GetAsync(pdf)).StatusCode.ShouldBe(HttpStatusCode.OK, pdf);
                reads++;
            }
        }

        reads.ShouldBe(35, "every communication and every PDF once, inside a minute");
    }

    [Fact]
    public async Task A_post_that_names_no_handler_gets_404_and_changes_nothing()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var id = await ComposeAsync(staff, DemoClinic.NathanMilnerProfileId, "Message", "No handler");
        var heather = await HeatherForNathanAsync(portal);

        // With a valid token but no handler, Razor Pages would render the page without its thread (review L11).
        (await heather.PostFormAsync($"/inbox/{id}", ReplyForm("no handler"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await staff.PostFormAsync($"/admin/inbox/{id}", new Dictionary<string, string> { ["Body"] = "no handler" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var thread = await heather.GetAsync($"/inbox/{id}");
        thread.Document.QuerySelectorAll("[data-testid='thread-message']").Length.ShouldBe(1);
    }

    [Fact]
    public async Task A_reply_without_the_antiforgery_token_is_refused_and_keeps_nothing()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var id = await ComposeAsync(staff, DemoClinic.NathanMilnerProfileId, "Message", "Token check");
        var heather = await HeatherForNathanAsync(portal);

        var forged = await heather.PostWithoutTokenAsync($"/inbox/{id}?handler=Reply", ReplyForm("forged"));

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var thread = await heather.GetAsync($"/inbox/{id}");
        thread.Document.QuerySelectorAll("[data-testid='thread-message']").Length.ShouldBe(1);
        thread.Document.QuerySelector("[data-testid='reply']").ShouldNotBeNull();
        (await staff.PostWithoutTokenAsync($"/admin/inbox/{id}?handler=Delete", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await heather.GetAsync($"/inbox/{id}")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Staff_pages_send_anonymous_visitors_to_login_and_refuse_patients()
    {
        await using var portal = await StartAsync();
        var id = Guid.NewGuid();
        await Admin.StaffOnlyPages.ShouldSendAnonymousToLoginAndRefusePatientsAsync(portal,
            ["/admin/inbox", "/admin/inbox/compose", $"/admin/inbox/compose?profile={DemoClinic.NathanMilnerProfileId}", $"/admin/inbox/{id}", $"/admin/inbox/{id}/attachments/{Guid.NewGuid()}"],
            [$"/admin/inbox/compose?profile={DemoClinic.NathanMilnerProfileId}", $"/admin/inbox/{id}?handler=Write", $"/admin/inbox/{id}?handler=Delete"],
            new Dictionary<string, string> { ["Input.Subject"] = "x", ["Input.Body"] = "x", ["Input.SiteId"] = "x", ["Input.TypeLabel"] = "x" });
    }

    [Fact]
    public async Task Staff_see_why_a_file_is_refused_write_again_and_delete_and_the_file_is_gone_for_the_patient()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);

        var fake = await Page.ParseAsync(await PostComposeAsync(staff, DemoClinic.NathanMilnerProfileId, "Bill", "Fake", "body", ("invoice.pdf", "%PDF-1.4 not really"u8.ToArray())));
        fake.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The demo admin's account speaks French.
        FormErrors(fake).ShouldContain("Le fichier invoice.pdf n'est pas un PDF valide.");
        var none = await Page.ParseAsync(await PostComposeAsync(staff, DemoClinic.NathanMilnerProfileId, "Document", "No file", "body", null));
        FormErrors(none).ShouldContain("Un document ou une facture doit avoir au moins un PDF joint.");

        var id = await ComposeAsync(staff, DemoClinic.NathanMilnerProfileId, "Document", "To be deleted", file: ("results.pdf", Pdf()));
        var heather = await HeatherForNathanAsync(portal);
        var attachment = AttachmentIdIn(await heather.GetAsync($"/inbox/{id}"));

        var written = await staff.PostFormAsync($"/admin/inbox/{id}", new Dictionary<string, string> { ["Input.Body"] = "Please share additional results once completed.", ["Input.FromPractitionerId"] = "" },
            $"/admin/inbox/{id}?handler=Write");
        written.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var thread = await heather.GetAsync($"/inbox/{id}");
        thread.Document.QuerySelectorAll("[data-testid='message-body']")[0].TextContent.ShouldBe("Please share additional results once completed.");
        thread.Document.QuerySelectorAll("[data-testid='message-author']")[0].TextContent.ShouldBe("Clinic's Administration");

        var deleted = await staff.PostFormAsync($"/admin/inbox/{id}", new Dictionary<string, string>(), $"/admin/inbox/{id}?handler=Delete");
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await heather.Http.GetAsync($"/inbox/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await heather.Http.GetAsync($"/inbox/{id}/attachments/{attachment}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await staff.Http.GetAsync($"/admin/inbox/{id}/attachments/{attachment}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_email_link_to_another_of_the_accounts_profiles_selects_it_after_login()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var id = await ComposeAsync(staff, DemoClinic.NathanMilnerProfileId, "Message", "From the email");
        var heather = Browser(portal);

        var anonymous = await heather.Http.GetAsync($"/inbox/{id}");
        LocationPath(anonymous).ShouldBe("/login");
        (await heather.SignInAsync(DemoClinic.HeatherMilnerEmail, DemoClinic.Password, $"/inbox/{id}")).Headers.Location!.ToString().ShouldBe($"/inbox/{id}");
        var thread = await heather.GetAsync($"/inbox/{id}");

        thread.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        thread.Text("profile-name").ShouldBe("Nathan Milner");
        thread.Text("page-title").ShouldBe("From the email");
    }

    [Fact]
    public async Task The_demo_family_has_unread_and_read_communications_in_each_tab_with_real_pdfs_and_a_paginated_inbox()
    {
        await using var portal = await StartAsync();
        var heather = await HeatherForNathanAsync(portal);

        var inbox = await heather.GetAsync("/inbox");
        Counter(inbox, "documents").ShouldBeGreaterThanOrEqualTo(5);
        Counter(inbox, "bills").ShouldBeGreaterThanOrEqualTo(5);
        Counter(inbox, "inbox").ShouldBeGreaterThanOrEqualTo(15);
        inbox.Document.QuerySelector("[data-testid='tab-inbox'] .visually-hidden")!.TextContent.ShouldBe($"({Counter(inbox, "inbox")} unread)");
        foreach (var tab in new[] { "inbox", "documents", "bills" })
        {
            var page = await heather.GetAsync("/" + tab);
            var rows = page.Document.QuerySelectorAll("[data-testid='inbox-row']");
            rows.Count(r => r.GetAttribute("data-unread") == "true").ShouldBeGreaterThanOrEqualTo(5, tab);
            rows.Count(r => r.GetAttribute("data-unread") == "false").ShouldBeGreaterThanOrEqualTo(tab == "inbox" ? 0 : 2, tab);
        }

        // Twenty a page, newest first: the inbox of 21 has a second page; past the end is empty.
        inbox.Document.QuerySelectorAll("[data-testid='inbox-row']").Length.ShouldBe(20);
        inbox.Text("pager-position").ShouldBe("Page 1 of 2");
        var second = await heather.GetAsync(inbox.Document.QuerySelector("[data-testid='pager-next']")!.GetAttribute("href")!);
        second.Document.QuerySelectorAll("[data-testid='inbox-row']").Length.ShouldBeGreaterThanOrEqualTo(1);
        second.Text("pager-position").ShouldBe("Page 2 of 2");
        (await heather.GetAsync("/inbox?page=99")).Document.QuerySelector("[data-testid='inbox-empty']").ShouldNotBeNull();
        (await heather.GetAsync("/inbox?page=-4")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        // Sent is not empty; several allow a reply; the demo PDFs are real PDFs that open.
        (await heather.GetAsync("/sent")).Document.QuerySelectorAll("[data-testid='inbox-row']").Length.ShouldBeGreaterThanOrEqualTo(1);
        var documents = await heather.GetAsync("/documents");
        var replyable = 0;
        foreach (var link in documents.Document.QuerySelectorAll("[data-testid='inbox-link']").Select(a => a.GetAttribute("href")!).Take(3))
        {
            var thread = await heather.GetAsync(link);
            replyable += thread.Document.QuerySelector("[data-testid='reply']") is null ? 0 : 1;
            var file = await heather.Http.GetAsync(thread.Document.QuerySelector("[data-testid='attachment-link']")!.GetAttribute("href"));
            file.StatusCode.ShouldBe(HttpStatusCode.OK);
            var bytes = await file.Content.ReadAsByteArrayAsync();
            System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
            pdf.GetPage(1).Text.ShouldContain("My Clinic");
        }

        replyable.ShouldBeGreaterThanOrEqualTo(1);
    }

    /// <summary>The error summary's messages, one a line.</summary>
    private static IReadOnlyList<string> ErrorLines(Page page) =>
        [.. page.Document.QuerySelectorAll("[data-testid='form-errors'] li").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0)];
}
