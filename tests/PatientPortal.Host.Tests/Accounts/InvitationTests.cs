using System.Net;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Security.SecurityPortal;

namespace PatientPortal.Host.Tests.Security;

/// <summary>
/// A3. A clinic invitation works only through its emailed link with its code: five wrong codes lock it, it expires
/// after 7 days, and re-sending it replaces both the link and the code.
/// </summary>
public sealed class ActivationCodeTests
{
    private const string Invited = "invited.patient@example.com";
    private const string Locked = "This invitation is locked after too many wrong codes.";

    [Fact]
    public async Task Five_wrong_codes_lock_the_invitation_even_for_the_right_code()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var code = await InviteAsync(staff);
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
    public async Task An_invitation_is_refused_once_7_days_have_passed()
    {
        var clock = new TestClock();
        await using var portal = await StartAsync(clock);
        var staff = await SignedInStaffAsync(portal);
        var code = await InviteAsync(staff);
        var patient = Browser(portal);
        var link = PortalClient.LinkIn(await MailToAsync(portal, clock, Invited));

        clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(2));
        (await patient.GetAsync(link)).Document.QuerySelector("[data-testid='code']").ShouldNotBeNull("shortly before 7 days");
        clock.Advance(TimeSpan.FromMinutes(2));
        var response = await AcceptAsync(patient, link, code);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorsAsync(response)).ShouldContain("This invitation has expired.");
        (await CanSignInAsync(portal, Invited, Password)).ShouldBeFalse();
    }

    [Fact]
    public async Task Re_sending_replaces_the_link_and_the_code_and_lifts_the_lock()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var oldCode = await InviteAsync(staff);
        var patient = Browser(portal);
        var oldLink = PortalClient.LinkIn(await patient.MailToAsync(Invited));
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await AcceptAsync(patient, oldLink, WrongCode(oldCode, attempt));
        }

        var resendAction = (await staff.GetAsync("/admin/invitations")).Document.QuerySelector("form[action*='handler=Resend']")!.GetAttribute("action")!;
        var resent = await Page.ParseAsync(await staff.PostFormAsync("/admin/invitations", new Dictionary<string, string>(), resendAction));
        var newCode = resent.Text("clinic-code");
        var newLink = PortalClient.LinkIn(await patient.MailToAsync(Invited, count: 2));

        newLink.ShouldNotBe(oldLink);
        newCode.ShouldNotBe(oldCode);
        (await ErrorsAsync(await AcceptAsync(patient, oldLink, newCode))).ShouldContain("This invitation link is not valid.");
        (await ErrorsAsync(await AcceptAsync(patient, newLink, oldCode))).ShouldContain("The email or the code is not correct.");
        var accepted = await AcceptAsync(patient, newLink, newCode);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(accepted));
        LocationPath(accepted).ShouldBe("/activate");
    }

    [Fact]
    public async Task Five_wrong_email_change_codes_spend_the_confirmation_link()
    {
        await using var portal = await StartAsync();
        var patient = Browser(portal);
        await patient.SignInAsDemoPatientInEnglishAsync();
        await patient.PostFormAsync("/account/email", new Dictionary<string, string>
        {
            ["Input.Password"] = PortalClient.DemoPatientPassword,
            ["Input.NewEmail"] = "heather.new@example.com",
            ["Input.ConfirmEmail"] = "heather.new@example.com",
        });
        var code = CodeIn(await patient.MailToAsync(PortalClient.DemoPatientEmail));
        var link = PortalClient.LinkIn(await patient.MailToAsync("heather.new@example.com"));

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await patient.PostFormAsync(link, new Dictionary<string, string> { ["Input.Email"] = "heather.new@example.com", ["Input.Code"] = WrongCode(code, attempt) });
        }

        var right = await patient.PostFormAsync(link, new Dictionary<string, string> { ["Input.Email"] = "heather.new@example.com", ["Input.Code"] = code });
        (await ErrorsAsync(right)).ShouldContain("This confirmation link is not valid any more.");
        (await CanSignInAsync(portal, "heather.new@example.com", PortalClient.DemoPatientPassword)).ShouldBeFalse();
    }

    /// <summary>Quebec clinics: the invitation code is the health card's last 4 digits, and a reset asks for the recovery PIN.</summary>
    [Fact]
    public async Task Five_wrong_recovery_PINs_spend_the_reset_link()
    {
        await using var portal = await StartAsync(settings: new Dictionary<string, string?> { ["Accounts:QuebecInvitations"] = "true" });
        var staff = await SignedInStaffAsync(portal);
        await InviteAsync(staff, healthCard: "ROYC 8511 0212");
        var patient = Browser(portal);
        var invitation = await patient.PostFormAsync(PortalClient.LinkIn(await patient.MailToAsync(Invited)), new Dictionary<string, string>
        {
            ["Input.Email"] = Invited,
            ["Input.Code"] = "0212",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
            ["Input.Pin"] = "4821",
            ["Input.AcceptPrivacyPolicy"] = "true",
        });
        invitation.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(invitation));
        var activation = invitation.Headers.Location!.ToString();
        (await patient.PostFormAsync(activation, new Dictionary<string, string> { ["termsVersion"] = "2026-01" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var anyone = Browser(portal);
        await anyone.PostFormAsync("/forgot-password", new Dictionary<string, string> { ["Email"] = Invited });
        var link = PortalClient.LinkIn(await anyone.MailToAsync(Invited, count: 3));
        (await anyone.GetAsync(link)).Document.QuerySelector("[data-testid='pin']").ShouldNotBeNull();
        foreach (var pin in new[] { "0000", "1111", "2222", "3333", "4444" })
        {
            await anyone.PostFormAsync(link, Reset(pin));
        }

        var right = await anyone.PostFormAsync(link, Reset("4821"));

        (await ErrorsAsync(right)).ShouldContain("This reset link is not valid any more");
        (await CanSignInAsync(portal, Invited, NewPassword)).ShouldBeFalse();
        // The wrong PINs also count toward the account's lockout, so asking for link after link buys no more guesses.
        (await CanSignInAsync(portal, Invited, Password)).ShouldBeFalse();
    }

    private static async Task<PortalClient> SignedInStaffAsync(PortalFactory portal)
    {
        var staff = Browser(portal);
        (await staff.SignInAsync(PortalClient.DemoAdminEmail, PortalClient.DemoAdminPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return staff;
    }

    /// <returns>The clinic code the page shows staff once.</returns>
    private static async Task<string> InviteAsync(PortalClient staff, string? healthCard = null)
    {
        var response = await staff.PostFormAsync("/admin/invitations", new Dictionary<string, string>
        {
            ["Input.Email"] = Invited,
            ["Input.FirstName"] = "Camille",
            ["Input.LastName"] = "Roy",
            ["Input.DateOfBirth"] = "1985-11-02",
            ["Input.HealthCardNumber"] = healthCard ?? "",
            ["Input.Language"] = "en",
        });
        var page = await Page.ParseAsync(response);
        page.Text("invitation-sent").ShouldNotBeEmpty();
        return page.Document.QuerySelector("[data-testid='clinic-code']")?.TextContent.Trim() ?? "";
    }

    private static Dictionary<string, string> Reset(string pin) => new()
    {
        ["Input.Email"] = Invited,
        ["Input.Password"] = NewPassword,
        ["Input.ConfirmPassword"] = NewPassword,
        ["Input.Pin"] = pin,
    };

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
