using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>
/// The inbox journey of issue 10 in a real browser, in French and in English, on the demo clinic: staff send Nathan a
/// bill with a PDF from the admin pages; Heather's email arrives (no health detail) and its link leads through login
/// to the bill; the PDF opens in a new window and downloads; the Bills counter drops after reading; she replies once
/// (501 characters and an unchecked disclaimer keep Send disabled; the counter counts an emoji as one); the reply shows
/// in the thread, in Sent and in the staff inbox; a second reply is not offered. A screenshot of every page.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed partial class InboxJourneyTests(PortalUnderTest portal)
{
    private const string Heather = "heather.milner@example.com";
    private const string HeatherPassword = "Portail-Demo-2026!";
    private const string Admin = "admin@clinique-saint-laurent.example";
    private const string AdminPassword = "Admin-Portail-2026!";

    [GeneratedRegex(@"/inbox/[0-9a-f-]{36}(\?.*)?$")]
    private static partial Regex ThreadPath();

    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task Staff_send_a_bill_with_a_pdf_and_the_patient_reads_it_from_the_email_downloads_it_and_replies_once(string locale)
    {
        var text = InboxText.For(locale);
        var subject = $"{text.Receipt} {Guid.NewGuid().ToString()[..6]}";

        // Heather, in her browser, acting for Nathan, in this test's language (put back at the end: other tests expect French).
        await using var heatherBrowser = await portal.NewBrowserAsync(locale);
        var heatherLogin = await LoginPage.OpenAsync(heatherBrowser);
        var heather = heatherLogin.Page;
        await heatherLogin.SignInAsync(Heather, HeatherPassword);
        var switched = !(await heather.Locator("html").GetAttributeAsync("lang") ?? "").StartsWith(locale[..2], StringComparison.Ordinal);
        if (switched)
        {
            await new PortalFrame(heather).SwitchLanguageAsync();
        }

        await heather.GotoAsync("/");
        await heather.Locator("[data-testid='attached-profile']", new() { HasText = "Nathan Milner" }).GetByTestId("select-profile").ClickAsync();
        await heather.GotoAsync("/bills");
        var billsBefore = await CounterAsync(heather, "bills");
        var inboxBefore = await CounterAsync(heather, "inbox");
        await Results.ScreenshotAsync(heather, "inbox-bills-before");
        await using var mailBrowser = await portal.NewBrowserAsync(locale);
        var mailbox = await Mailbox.OpenAsync(mailBrowser);
        var mailsBefore = (await mailbox.ReadAsync(Heather)).Count(m => m.Subject.Contains(text.BillMail, StringComparison.Ordinal));

        // Staff compose: find Nathan, a bill, a PDF.
        await using var staffBrowser = await portal.NewBrowserAsync(locale);
        var staffLogin = await LoginPage.OpenAsync(staffBrowser);
        var staff = staffLogin.Page;
        await Journeys.SignInAsStaffAsync(staff, Admin, AdminPassword);
        await new PortalFrame(staff).SwitchLanguageToAsync(locale[..2]);
        await staff.GotoAsync("/admin/inbox");
        await Results.ScreenshotAsync(staff, "inbox-staff-inbox-before");
        await staff.GetByTestId("compose").ClickAsync();
        await staff.GetByTestId("patient-search-name").FillAsync("Milner");
        await staff.GetByTestId("search").ClickAsync();
        await staff.GetByTestId("patient-row").Filter(new() { HasText = "Nathan" }).GetByTestId("choose-patient").ClickAsync();
        await Expect(staff.GetByTestId("chosen-patient")).ToContainTextAsync("Nathan Milner");
        await staff.GetByTestId("compose-category").SelectOptionAsync("Bill");
        await staff.GetByTestId("compose-subject").FillAsync(subject);
        await staff.GetByTestId("compose-body").FillAsync(text.Body);
        await staff.GetByTestId("compose-from").SelectOptionAsync(new SelectOptionValue { Label = "Dr. Medfar Solutions" });
        await staff.GetByTestId("compose-site").SelectOptionAsync(new SelectOptionValue { Label = "My Clinic" });
        await staff.GetByTestId("compose-type").FillAsync(text.Receipt);
        await staff.GetByTestId("compose-files").SetInputFilesAsync(new FilePayload { Name = "receipt.pdf", MimeType = "application/pdf", Buffer = Pdf() });
        await Expect(staff.GetByTestId("compose-replies")).ToHaveValueAsync("1");
        await Results.ScreenshotAsync(staff, "inbox-compose");
        await staff.GetByTestId("compose-send").ClickAsync();
        await Expect(staff.GetByTestId("notice")).ToBeVisibleAsync();
        await Expect(staff.GetByTestId("page-title")).ToHaveTextAsync(subject);
        await Results.ScreenshotAsync(staff, "inbox-staff-thread");

        // Heather's tabs: the bill is bold and counted.
        await heather.GotoAsync("/bills");
        (await CounterAsync(heather, "bills")).ShouldBe(billsBefore + 1);
        (await CounterAsync(heather, "inbox")).ShouldBe(inboxBefore + 1);
        var row = heather.GetByTestId("inbox-row").Filter(new() { HasText = subject });
        await Expect(row).ToHaveAttributeAsync("data-unread", "true");
        (await row.Locator("td").First.EvaluateAsync<string>("e => getComputedStyle(e).fontWeight")).ShouldBe("700");
        await Results.ScreenshotAsync(heather, "inbox-bills");

        // The email: no health detail, a link through login to the bill.
        var mail = await mailbox.WaitForAsync(Heather, text.BillMail, mailsBefore + 1);
        mail.Body.ShouldNotContain(subject);
        mail.Body.ShouldNotContain(text.Body.Split('\n')[0]);
        mail.Subject.ShouldNotContain(subject);
        mail.Body.ShouldContain(text.ViewTheInvoice);
        var link = mail.Link;
        var read = mailbox.Page;
        await read.GotoAsync(link);
        await Expect(read).ToHaveURLAsync(new Regex("/login"));
        await new LoginPage(read).SignInAsync(Heather, HeatherPassword);
        await Expect(read).ToHaveURLAsync(ThreadPath());
        await Expect(read.GetByTestId("page-title")).ToHaveTextAsync(subject);
        await Expect(read.GetByTestId("profile-name")).ToHaveTextAsync("Nathan Milner");
        await Expect(read.GetByTestId("reply-limit")).ToHaveTextAsync(text.SingleResponse);
        await Results.ScreenshotAsync(read, "inbox-bill-thread");

        // The PDF opens in a new window, and the download icon saves it.
        var href = await read.GetByTestId("attachment-link").GetAttributeAsync("href") ?? "";
        var popup = await read.RunAndWaitForPopupAsync(() => read.GetByTestId("attachment-link").ClickAsync());
        popup.Url.ShouldEndWith(href);
        await popup.CloseAsync();
        var served = await mailBrowser.APIRequest.GetAsync(href);
        served.Status.ShouldBe(200);
        served.Headers["content-type"].ShouldBe("application/pdf");
        served.Headers["content-disposition"].ShouldStartWith("inline");
        served.Headers["x-content-type-options"].ShouldBe("nosniff");
        served.Headers["cache-control"].ShouldContain("no-store");
        Encoding.ASCII.GetString((await served.BodyAsync())[..5]).ShouldBe("%PDF-");
        var download = await read.RunAndWaitForDownloadAsync(() => read.GetByTestId("attachment-download").ClickAsync());
        download.SuggestedFilename.ShouldBe("receipt.pdf");
        var saved = await download.PathAsync();
        Encoding.ASCII.GetString((await File.ReadAllBytesAsync(saved))[..5]).ShouldBe("%PDF-");

        // Read: the counters drop, the row is no longer bold.
        await heather.GotoAsync("/bills");
        (await CounterAsync(heather, "bills")).ShouldBe(billsBefore);
        (await CounterAsync(heather, "inbox")).ShouldBe(inboxBefore);
        await Expect(heather.GetByTestId("inbox-row").Filter(new() { HasText = subject })).ToHaveAttributeAsync("data-unread", "false");

        // Reply once: too long or without the disclaimer, Send stays disabled; an emoji counts one.
        await read.GetByTestId("reply").ClickAsync();
        var box = read.GetByTestId("reply-text");
        await Expect(box).ToBeVisibleAsync();
        await Expect(read.GetByTestId("emergency")).ToContainTextAsync(text.Emergency);
        await Expect(read.GetByTestId("disclaimer")).Not.ToBeEmptyAsync();
        await box.FillAsync(new string('é', 501));
        await read.GetByTestId("reply-accepted").CheckAsync();
        await Expect(read.GetByTestId("reply-counter")).ToHaveTextAsync("501 / 500");
        await Expect(read.GetByTestId("reply-send")).ToBeDisabledAsync();
        await Results.ScreenshotAsync(read, "inbox-reply-too-long");
        await box.FillAsync(text.Reply + " 👍🏽");
        await Expect(read.GetByTestId("reply-counter")).ToHaveTextAsync($"{new StringInfo(text.Reply).LengthInTextElements + 2} / 500");
        await read.GetByTestId("reply-accepted").UncheckAsync();
        await Expect(read.GetByTestId("reply-send")).ToBeDisabledAsync();
        await read.GetByTestId("reply-accepted").CheckAsync();
        await Expect(read.GetByTestId("reply-send")).ToBeEnabledAsync();
        await Results.ScreenshotAsync(read, "inbox-reply-form");
        await read.GetByTestId("reply-send").ClickAsync();
        await Expect(read.GetByTestId("reply-sent")).ToBeVisibleAsync();
        await Expect(read.GetByTestId("message-body").First).ToHaveTextAsync(text.Reply + " 👍🏽");
        await Expect(read.GetByTestId("message-author").First).ToHaveTextAsync(text.WrittenForNathan);
        await Expect(read.GetByTestId("reply")).ToHaveCountAsync(0);
        await Expect(read.GetByTestId("reply-limit")).ToHaveCountAsync(0);
        await Results.ScreenshotAsync(read, "inbox-reply-sent");

        await read.GetByTestId("tab-sent").ClickAsync();
        await Expect(read.GetByTestId("inbox-row").Filter(new() { HasText = subject })).ToHaveCountAsync(1);
        await Results.ScreenshotAsync(read, "inbox-sent");
        await read.GetByTestId("tab-inbox").ClickAsync();
        await Expect(read.GetByTestId("page-title")).ToHaveTextAsync(text.Inbox);
        await Results.ScreenshotAsync(read, "inbox-tab");
        await read.GetByTestId("tab-documents").ClickAsync();
        await Results.ScreenshotAsync(read, "inbox-documents");

        // On a phone, the tab and the thread fit the screen.
        await read.SetViewportSizeAsync(390, 844);
        foreach (var (path, name) in new[] { ("/inbox", "phone-inbox"), (new Uri(read.Url).AbsolutePath, "phone-documents") })
        {
            await read.GotoAsync(path);
            (await AppointmentJourneyTests.PageWidthAsync(read)).ShouldBeLessThanOrEqualTo(390, await AppointmentJourneyTests.WideElementsAsync(read));
            await Results.ScreenshotAsync(read, name);
        }

        await read.GetByTestId("inbox-link").First.ClickAsync();
        await Expect(read).ToHaveURLAsync(ThreadPath());
        (await AppointmentJourneyTests.PageWidthAsync(read)).ShouldBeLessThanOrEqualTo(390, await AppointmentJourneyTests.WideElementsAsync(read));
        await Results.ScreenshotAsync(read, "phone-thread");
        await read.SetViewportSizeAsync(1280, 800);

        // The staff inbox: the reply, unread, then read once opened.
        await staff.GotoAsync("/admin/inbox");
        var reply = staff.GetByTestId("reply-row").Filter(new() { HasText = subject });
        await Expect(reply).ToHaveAttributeAsync("data-unread", "true");
        await Results.ScreenshotAsync(staff, "inbox-staff-inbox");
        await reply.GetByTestId("reply-link").ClickAsync();
        await Expect(staff.GetByTestId("message-body").First).ToHaveTextAsync(text.Reply + " 👍🏽");
        await Results.ScreenshotAsync(staff, "inbox-staff-reply");

        if (switched)
        {
            await heather.GotoAsync("/");
            await new PortalFrame(heather).SwitchLanguageAsync();
        }
    }

    private static async Task<int> CounterAsync(IPage page, string tab)
    {
        var badge = page.GetByTestId($"unread-{tab}");
        return await badge.CountAsync() == 0 ? 0 : int.Parse((await badge.TextContentAsync() ?? "0").Trim().Trim('(', ')'), CultureInfo.InvariantCulture);
    }

    /// <summary>A one-page PDF with a correct cross-reference table.</summary>
    private static byte[] Pdf()
    {
        const string content = "BT /F1 14 Tf 72 720 Td (Consultation receipt - 85.00 $) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private sealed record InboxText(
        string Receipt, string Body, string BillMail, string ViewTheInvoice, string SingleResponse, string Emergency, string Reply, string Inbox, string WrittenForNathan)
    {
        public static InboxText For(string locale) => locale.StartsWith("fr", StringComparison.Ordinal)
            ? new("Reçu de consultation", "Bonjour Heather,\nVoici le reçu de la consultation de Nathan.", "Nouvelle facture", "Consulter la facture",
                "Note : Vous êtes limité à une seule réponse.", "appelez le 911", "Merci, bien reçu", "Boîte de réception", "Heather Milner, pour Nathan Milner")
            : new("Consultation receipt", "Hi Heather,\nHere is the receipt for Nathan's consultation.", "New invoice", "View the Invoice",
                "Note: You are limited to a single response.", "call 911", "Thanks, received", "Inbox", "Heather Milner, for Nathan Milner");
    }
}
