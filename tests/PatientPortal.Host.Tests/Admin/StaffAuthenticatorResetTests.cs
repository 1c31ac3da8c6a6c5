using System.Net;
using Microsoft.Data.Sqlite;
using PatientPortal.Testing;
using PatientPortal.Host.Tests.Accounts;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Admin;

/// <summary>An admin resets a staff member's lost authenticator app from /admin/staff (ResetStaffAuthenticator).</summary>
public sealed class StaffAuthenticatorResetTests
{
    private const string StaffPassword = "Sapin-Neige-2031!k";

    [Fact]
    public async Task An_admin_resets_a_staff_member_s_app_who_is_signed_out_emailed_and_sent_to_set_it_up_again()
    {
        await using var portal = await StartAsync();
        var admin = await SignedInStaffAsync(portal);
        var (staff, email) = await StaffMemberWithAppAsync(portal, admin, "julie.gagnon@clinique.example");

        var page = await admin.GetAsync("/admin/staff");
        var row = page.Document.QuerySelectorAll("[data-testid='staff-row']").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        var action = row.QuerySelector("form")!.GetAttribute("action")!;
        var wrong = await Page.ParseAsync(await admin.PostFormAsync("/admin/staff", new Dictionary<string, string> { ["code"] = "000000" }, action));
        FormErrors(wrong).ShouldContain("Code");
        var done = await Page.ParseAsync(await admin.PostFormAsync("/admin/staff", new Dictionary<string, string> { ["code"] = PortalClient.CodeFor(admin.AuthenticatorKey!, 1) }, action));

        done.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The demo admin works in French; the staff member chose English for their mail.
        done.Text("authenticator-reset").ShouldContain("L'application d'authentification a été réinitialisée.");
        (await staff.IsSignedInAsync()).ShouldBeFalse();
        (await staff.MailStartingWithAsync(email, "Your authenticator app was reset")).TextBody.ShouldContain("Julie");
        var again = await staff.SignInAsync(email, StaffPassword, "/admin/invitations");
        LocationPath(again).ShouldBe("/account/two-step/authenticator");
    }

    [Fact]
    public async Task The_admin_s_own_row_offers_no_reset_and_posting_it_anyway_is_refused_in_the_admin_s_language()
    {
        await using var portal = await StartAsync();
        var admin = await SignedInStaffAsync(portal);
        var page = await admin.GetAsync("/admin/staff");
        var own = page.Document.QuerySelectorAll("[data-testid='staff-row']").Single(r => r.TextContent.Contains(PortalClient.DemoAdminEmail, StringComparison.Ordinal));
        own.QuerySelector("[data-testid='reset-authenticator']").ShouldBeNull();
        own.TextContent.ShouldContain("Configurée");
        var me = await AccountIdAsync(portal, PortalClient.DemoAdminEmail);

        var refused = await Page.ParseAsync(await admin.PostFormAsync("/admin/staff", new Dictionary<string, string>(), $"/admin/staff?handler=ResetAuthenticator&id={me}"));

        FormErrors(refused).ShouldContain("Vous ne pouvez pas réinitialiser ici votre propre application d'authentification.");
        (await admin.IsSignedInAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task A_staff_member_who_is_not_an_admin_gets_403_and_a_cross_site_post_gets_400()
    {
        await using var portal = await StartAsync();
        var admin = await SignedInStaffAsync(portal);
        var (staff, _) = await StaffMemberWithAppAsync(portal, admin, "julie.gagnon@clinique.example");
        var adminId = await AccountIdAsync(portal, PortalClient.DemoAdminEmail);
        var action = $"/admin/staff?handler=ResetAuthenticator&id={adminId}";

        var byStaff = await staff.Http.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await staff.TokenAsync("/admin/invitations"),
        }));
        var crossSite = await admin.PostWithoutTokenAsync(action, new Dictionary<string, string>());

        byStaff.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        crossSite.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.IsSignedInAsync()).ShouldBeTrue();
        (await MailsAfterTheJobRanAsync(portal, PortalClient.DemoAdminEmail)).ShouldNotContain(m => m.Subject.Contains("authenticator", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An account's id, read from the portal's SQLite file (no page shows an admin their own id).</summary>
    private static async Task<Guid> AccountIdAsync(PortalFactory portal, string email)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(portal.DataFolder, "accounts.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\" FROM \"Accounts\" WHERE \"Email\" = $email";
        command.Parameters.AddWithValue("$email", email);
        return Guid.Parse((string)(await command.ExecuteScalarAsync())!);
    }

    /// <summary>The admin adds a staff member (English), who chooses a password from the email and sets up the app.</summary>
    private static async Task<(PortalClient Staff, string Email)> StaffMemberWithAppAsync(PortalFactory portal, PortalClient admin, string email)
    {
        var created = await Page.ParseAsync(await admin.PostFormAsync("/admin/staff", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.FirstName"] = "Julie",
            ["Input.LastName"] = "Gagnon",
            ["Input.Role"] = "Staff",
            ["Input.Language"] = "en",
        }));
        created.Text("staff-created").ShouldNotBeEmpty();
        var staff = Browser(portal);
        var link = PortalClient.LinkIn(await staff.MailToAsync(email));
        var reset = await Page.ParseAsync(await staff.PostFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = StaffPassword,
            ["Input.ConfirmPassword"] = StaffPassword,
        }));
        reset.Text("reset-done").ShouldNotBeEmpty();
        (await staff.SignInAsync(email, StaffPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await staff.SetUpAuthenticatorAsync(StaffPassword);
        return (staff, email);
    }
}
