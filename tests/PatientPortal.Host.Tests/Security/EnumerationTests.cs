using System.Diagnostics;
using System.Net;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Security.SecurityPortal;

namespace PatientPortal.Host.Tests.Security;

/// <summary>
/// A4. Nothing the login and forgot-password pages answer tells whether an email has an account: same status, same
/// page, about the same time. (Registration does say "email taken", as the spec asks.)
/// </summary>
public sealed class EnumerationTests
{
    private const string Unknown = "nobody.here@example.com";

    [Fact]
    public async Task Login_answers_an_unknown_email_a_wrong_password_and_a_locked_account_identically()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.RegisterAndActivateAsync(portal, "locked.patient@example.com", Password);
        client = Browser(portal);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SignInAsync("locked.patient@example.com", WrongPassword);
        }

        var unknown = await client.SignInAsync(Unknown, WrongPassword);
        var wrongPassword = await client.SignInAsync(PortalClient.DemoPatientEmail, WrongPassword);
        var locked = await client.SignInAsync("locked.patient@example.com", Password);

        foreach (var (response, email) in new[] { (wrongPassword, PortalClient.DemoPatientEmail), (locked, "locked.patient@example.com") })
        {
            response.StatusCode.ShouldBe(unknown.StatusCode);
            response.Headers.Location.ShouldBe(unknown.Headers.Location);
            ComparableHtml(await response.Content.ReadAsStringAsync(), email)
                .ShouldBe(ComparableHtml(await unknown.Content.ReadAsStringAsync(), Unknown), $"the answer for {email}");
        }

        (await ErrorsAsync(unknown)).ShouldBe("The email or password provided do not match any records on our system.");
    }

    /// <summary>An unknown email is checked against a decoy hash, so it costs what a real account's check costs.</summary>
    [Fact]
    public async Task Login_takes_about_as_long_for_an_unknown_email_as_for_a_wrong_password()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        var token = await client.TokenAsync();
        await TimeSignInAsync(client, token, Unknown);
        await TimeSignInAsync(client, token, PortalClient.DemoPatientEmail);

        var unknown = new List<double>();
        var known = new List<double>();
        for (var round = 0; round < 9; round++)
        {
            unknown.Add(await TimeSignInAsync(client, token, Unknown));
            known.Add(await TimeSignInAsync(client, token, PortalClient.DemoPatientEmail));
        }

        var (unknownMedian, knownMedian) = (Median(unknown), Median(known));
        unknownMedian.ShouldBeGreaterThan(knownMedian / 3, $"unknown email {unknownMedian:F1} ms, wrong password {knownMedian:F1} ms");
        knownMedian.ShouldBeGreaterThan(unknownMedian / 3, $"unknown email {unknownMedian:F1} ms, wrong password {knownMedian:F1} ms");
    }

    [Fact]
    public async Task Forgot_password_answers_an_unknown_email_exactly_as_a_real_one_and_only_the_owner_gets_mail()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);

        var real = await client.PostFormAsync("/forgot-password", new Dictionary<string, string> { ["Email"] = PortalClient.DemoPatientEmail });
        var unknown = await client.PostFormAsync("/forgot-password", new Dictionary<string, string> { ["Email"] = Unknown });

        real.StatusCode.ShouldBe(HttpStatusCode.OK);
        unknown.StatusCode.ShouldBe(real.StatusCode);
        ComparableHtml(await unknown.Content.ReadAsStringAsync(), Unknown)
            .ShouldBe(ComparableHtml(await real.Content.ReadAsStringAsync(), PortalClient.DemoPatientEmail));
        (await Page.ParseAsync(real)).Text("reset-sent").ShouldNotBeEmpty();
        (await client.MailToAsync(PortalClient.DemoPatientEmail)).Links.ShouldHaveSingleItem();
        MailsTo(portal, Unknown).ShouldBeEmpty();
    }

    private static async Task<double> TimeSignInAsync(PortalClient client, string token, string email)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = WrongPassword,
            ["__RequestVerificationToken"] = token,
        });
        var watch = Stopwatch.StartNew();
        var response = await client.Http.PostAsync("/login", content);
        watch.Stop();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
