using System.Net;
using PatientPortal.Host.Tests.Accounts;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Admin;

/// <summary>The admin pages are for staff only, checked on the server (security checklist B16).</summary>
public sealed class AdminPagesTests
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login_from_admin_pages()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);

        var response = await client.Http.GetAsync("/admin/invitations");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LocationPath(response).ShouldBe("/login");
    }

    [Fact]
    public async Task A_patient_gets_403_from_admin_pages_and_cannot_invite()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientAsync();

        var page = await client.Http.GetAsync("/admin/invitations");
        var invite = await client.Http.PostAsync("/admin/invitations", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "friend@example.com",
            ["Input.FirstName"] = "Ami",
            ["Input.LastName"] = "Proche",
            ["Input.DateOfBirth"] = "1980-01-01",
            ["Input.Language"] = "fr",
            ["__RequestVerificationToken"] = await client.TokenAsync("/"),
        }));

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        invite.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await MailsAfterTheJobRanAsync(portal, "friend@example.com")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_admin_opens_the_admin_pages()
    {
        await using var portal = await StartAsync();
        var client = await SignedInStaffAsync(portal);

        var page = await client.GetAsync("/admin/invitations");

        page.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("[data-testid='invitations']").ShouldNotBeNull();
    }
}
