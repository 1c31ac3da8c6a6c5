using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;
using static PatientPortal.Host.Tests.Profiles.ProfilesPortal;

namespace PatientPortal.Host.Tests.Inbox;

/// <summary>
/// What the inbox page tests share: staff composing through the admin page (a multipart form, as the browser sends
/// it), a small real PDF, Heather acting for Nathan, and the ids a page links to.
/// </summary>
internal static partial class InboxPortal
{
    [GeneratedRegex("/attachments/([0-9a-f-]{36})")]
    private static partial Regex AttachmentLink();

    /// <summary>A one-page PDF that any reader opens (header, catalog, page, content, a correct cross-reference table).</summary>
    public static byte[] Pdf(string text = "Consultation receipt")
    {
        var content = $"BT /F1 12 Tf 72 720 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
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

    /// <summary>Staff send a communication from /admin/inbox/compose; returns its id (the redirect names it).</summary>
    public static async Task<Guid> ComposeAsync(
        PortalClient staff, Guid profileId, string category, string subject, string body = "Hello,\nplease see the attached file.",
        (string Name, byte[] Bytes)? file = null, int replies = 1, string? from = "Dr. Medfar Solutions")
    {
        var response = await PostComposeAsync(staff, profileId, category, subject, body, file, replies, from);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith("/admin/inbox/");
        return Guid.Parse(location["/admin/inbox/".Length..]);
    }

    /// <summary>
    /// Posts the compose form. <paramref name="from"/> and <paramref name="site"/> are chosen as staff do, by the name
    /// the page's selects show (<paramref name="from"/> null: the clinic's administration); <paramref name="fromValue"/>
    /// and <paramref name="siteValue"/> post a value of the test's own instead (a crafted form).
    /// </summary>
    public static async Task<HttpResponseMessage> PostComposeAsync(
        PortalClient staff, Guid profileId, string category, string subject, string body, (string Name, byte[] Bytes)? file, int replies = 1, string? from = null,
        string? formId = null, string site = "My Clinic", string? fromValue = null, string? siteValue = null)
    {
        var url = $"/admin/inbox/compose?profile={profileId}";
        var page = await staff.GetAsync(url);
        var token = page.AntiforgeryToken;
        // The one-time id the page drew into its form (or the one a test replays).
        formId ??= page.Document.QuerySelector("[data-testid='compose-form-id']")!.GetAttribute("value")!;
        fromValue ??= from is null ? "" : OptionValue(page, "compose-from", from);
        siteValue ??= OptionValue(page, "compose-site", site);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(category), "Input.Category" },
            { new StringContent(subject), "Input.Subject" },
            { new StringContent(body), "Input.Body" },
            { new StringContent(fromValue), "Input.FromPractitionerId" },
            { new StringContent(siteValue), "Input.SiteId" },
            { new StringContent(category == "Bill" ? "Consultation receipt" : "Dermatology"), "Input.TypeLabel" },
            { new StringContent(replies.ToString(CultureInfo.InvariantCulture)), "Input.RepliesAllowed" },
            { new StringContent(formId), "Input.FormId" },
        };
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "Files", f.Name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        request.Headers.Add("Accept-Language", "en-CA");
        return await staff.Http.SendAsync(request);
    }

    /// <summary>Heather, signed in, in a language, acting for her son Nathan.</summary>
    public static async Task<PortalClient> HeatherForNathanAsync(PortalFactory portal, string language = "en")
    {
        var heather = Browser(portal, language == "fr" ? "fr-CA" : "en-CA");
        (await heather.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await heather.SwitchLanguageAsync(language);
        (await heather.SwitchToAsync(DemoClinic.NathanMilnerProfileId)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return heather;
    }

    public static async Task<PortalClient> SophieForLeaAsync(PortalFactory portal)
    {
        var sophie = Browser(portal);
        (await sophie.SignInAsync(DemoClinic.SophieGagnonEmail, DemoClinic.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sophie.SwitchToAsync(DemoClinic.LeaGagnonProfileId)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return sophie;
    }

    /// <summary>The options of a select, as the page shows them.</summary>
    public static IReadOnlyList<string> Options(Page page, string select) =>
        [.. page.Document.QuerySelectorAll($"[data-testid='{select}'] option").Select(o => o.TextContent.Trim())];

    /// <summary>The value the browser posts for the option of a select that shows <paramref name="text"/>.</summary>
    public static string OptionValue(Page page, string select, string text) =>
        page.Document.QuerySelectorAll($"[data-testid='{select}'] option").Single(o => o.TextContent.Trim() == text).GetAttribute("value")!;

    public static Guid AttachmentIdIn(Page thread) =>
        Guid.Parse(AttachmentLink().Match(thread.Document.QuerySelector("[data-testid='attachment-link']")!.GetAttribute("href")!).Groups[1].Value);

    /// <summary>The reply form's fields as the browser posts them (the checkbox only when checked).</summary>
    public static Dictionary<string, string> ReplyForm(string text, bool accepted = true)
    {
        var form = new Dictionary<string, string> { ["Input.Text"] = text };
        if (accepted)
        {
            form["Input.Accepted"] = "true";
        }

        return form;
    }

    public static Task<HttpResponseMessage> ReplyAsync(PortalClient client, Guid communicationId, string text, bool accepted = true) =>
        client.PostFormAsync($"/inbox/{communicationId}", ReplyForm(text, accepted), $"/inbox/{communicationId}?handler=Reply&from=inbox");

    public static int Counter(Page page, string tab) =>
        page.Document.QuerySelector($"[data-testid='unread-{tab}']") is { } badge ? int.Parse(badge.TextContent.Trim().Trim('(', ')'), CultureInfo.InvariantCulture) : 0;
}
