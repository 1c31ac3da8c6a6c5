using System.Net;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Accounts;

/// <summary>
/// A clinic invitation over HTTP: the invitation page with its code, a locked invitation's page, and staff re-sending
/// from the invitations page (security checklist A3). The rules (tries, expiry, the Quebec code) are the module's
/// (Modules.Accounts.Tests: InvitationTests).
/// </summary>
public sealed class InvitationTests
{
    private const string Invited = "invited.patient@example.com";

    private const string Locked = "This invitation is locked after too many wrong codes.";

    [Fact]
    public async Task Staff_see_the_clinic_code_once_after_inviting_and_it_is_in_no_email_url_or_reload()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);

        var posted = await staff.PostFormAsync("/admin/invitations", InvitationForm(Invited));

        // Post, redirect, get: a reload never re-posts the invitation, and the address carries no code.
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(posted));
        posted.Headers.Location!.ToString().ShouldBe("/admin/invitations");
        var shown = await staff.FollowAsync(posted);
        var code = shown.Text("clinic-code");
        code.ShouldMatch("^[0-9]{6}$");
        shown.Response.Headers.CacheControl!.NoStore.ShouldBeTrue("no cached copy of the page keeps the code");
        shown.Text("clinic-code-help").ShouldNotBeEmpty();
        var reloaded = await staff.GetAsync("/admin/invitations");
        reloaded.Document.QuerySelector("[data-testid='clinic-code']").ShouldBeNull("the code is shown once");
        reloaded.Document.QuerySelector("[data-testid='invitation-sent']").ShouldBeNull();
        var mail = await staff.MailToAsync(Invited);
        mail.TextBody.ShouldNotContain(code);
    }

    [Fact]
    public async Task A_locked_invitation_says_so_and_shows_no_form_even_for_the_right_code()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var code = await InviteAsync(staff, Invited);
        var patient = Browser(portal);
        var link = PortalClient.LinkIn(await patient.MailToAsync(Invited));

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            (await ErrorsAsync(await AcceptAsync(patient, link, WrongCode(code, attempt)))).ShouldContain("The email or the code is not correct.");
        }

        (await ErrorsAsync(await AcceptAsync(patient, link, WrongCode(code, 5)))).ShouldContain(Locked);
        var right = await AcceptAsync(patient, link, code);

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorsAsync(right)).ShouldContain(Locked);
        (await patient.GetAsync(link)).Document.QuerySelector("[data-testid='code']").ShouldBeNull("a locked invitation shows no form");
        (await CanSignInAsync(portal, Invited, Password)).ShouldBeFalse();
    }

    [Fact]
    public async Task Re_sending_from_the_invitations_page_shows_staff_the_new_code_and_mails_a_new_link()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var oldCode = await InviteAsync(staff, Invited);
        var patient = Browser(portal);
        var oldLink = PortalClient.LinkIn(await patient.MailToAsync(Invited));
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await AcceptAsync(patient, oldLink, WrongCode(oldCode, attempt));
        }

        var resendAction = (await staff.GetAsync("/admin/invitations")).Document.QuerySelector("form[action*='handler=Resend']")!.GetAttribute("action")!;
        var resent = await staff.FollowAsync(await staff.PostFormAsync("/admin/invitations", new Dictionary<string, string>(), resendAction));
        var newCode = resent.Text("clinic-code");
        (await staff.GetAsync("/admin/invitations")).Document.QuerySelector("[data-testid='clinic-code']").ShouldBeNull("the new code is shown once too");
        var newLink = PortalClient.LinkIn(await patient.MailToAsync(Invited, count: 2));

        newLink.ShouldNotBe(oldLink);
        newCode.ShouldNotBe(oldCode);
        (await ErrorsAsync(await AcceptAsync(patient, oldLink, newCode))).ShouldContain("This invitation link is not valid.");
        (await ErrorsAsync(await AcceptAsync(patient, newLink, oldCode))).ShouldContain("The email or the code is not correct.");
        var accepted = await AcceptAsync(patient, newLink, newCode);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(accepted));
        LocationPath(accepted).ShouldBe("/activate");
    }

    private static Task<HttpResponseMessage> AcceptAsync(PortalClient patient, string link, string code) =>
        patient.PostFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Email"] = Invited,
            ["Input.Code"] = code,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });

    /// <summary>A six-digit code that is not the right one.</summary>
    private static string WrongCode(string code, int attempt) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + attempt) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
