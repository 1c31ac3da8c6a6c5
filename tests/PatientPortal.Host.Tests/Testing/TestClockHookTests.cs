using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PatientPortal.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace PatientPortal.Host.Tests.Testing;

/// <summary>
/// The test-only clock (Testing:ClockHook): absent unless switched on, refused outside Development, and with it the e2e
/// journey can let a child's 14th birthday pass and run the age-of-consent job.
/// </summary>
public sealed class TestClockHookTests
{
    private static readonly Dictionary<string, string?> HookOn = new() { ["Testing:ClockHook"] = "true" };

    [Fact]
    public async Task Without_the_setting_there_is_no_clock_endpoint()
    {
        await using var portal = await PortalFactory.CreateAsync();
        var client = new PortalClient(portal);

        // Anonymous, an unknown path goes to the login page like any other; signed in, it is not found.
        (await client.Http.GetAsync("/testing/clock")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.Http.PostAsync("/testing/clock?advance=1.00:00:00", null)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        await client.SignInAsDemoPatientAsync();
        (await client.Http.GetAsync("/testing/clock")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.Http.PostAsync("/testing/clock?advance=1.00:00:00", null)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        portal.Services.GetRequiredService<TimeProvider>().ShouldBeSameAs(TimeProvider.System);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Outside_Development_the_portal_refuses_to_start_with_the_clock_hook_on(string environment)
    {
        await using var portal = await PortalFactory.CreateAsync(settings: HookOn, environment: environment);

        var refused = Should.Throw<Exception>(() => portal.Server);

        refused.ToString().ShouldContain("Testing:ClockHook");
    }

    [Fact]
    public async Task With_the_hook_the_demo_son_s_14th_birthday_passes_heather_is_told_once_and_the_clock_never_goes_back()
    {
        await using var portal = await PortalFactory.CreateAsync(settings: HookOn);
        var client = portal.CreateClient();
        await OwnProfilesAsync(portal, 2);

        // Without the header (a cross-site form cannot send one) the clock does not move.
        var before = await NowAsync(client);
        (await client.PostAsync("/testing/clock?advance=400.00:00:00", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await NowAsync(client)).ShouldBe(before, TimeSpan.FromMinutes(1));
        client.DefaultRequestHeaders.Add("X-Test-Clock", "move");

        // Nathan Milner (2017-02-18): the day before his birthday, the 30-day notice is due; on the day, the link ends.
        (await MoveAsync(client, "to=2031-02-17&runAgeOfConsentJob=true")).ShouldBe((0, 1));
        var now = await NowAsync(client);
        now.ShouldBe(new DateTimeOffset(2031, 2, 17, 5, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(30));
        (await MoveAsync(client, "to=2031-02-18&runAgeOfConsentJob=true")).ShouldBe((1, 0));
        (await MoveAsync(client, "advance=00:01:00&runAgeOfConsentJob=true")).ShouldBe((0, 0));
        (await client.PostAsync("/testing/clock?to=2030-01-01", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsync("/testing/clock", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The scheduler kept running through the jump: the mail job sends what the age-of-consent job queued.
        var mailbox = new PortalClient(portal);
        (await mailbox.MailStartingWithAsync(PortalClient.DemoPatientEmail, "Votre accès au dossier de Nathan prend fin le 18 février 2031")).TextBody.ShouldContain("Bonjour Heather");
        (await mailbox.MailStartingWithAsync(PortalClient.DemoPatientEmail, "Votre accès au dossier de Nathan a pris fin")).TextBody.ShouldContain("Nathan a atteint l'âge de consentement aux soins (14 ans)");
    }

    private static async Task<(int Revoked, int Noticed)> MoveAsync(HttpClient client, string query)
    {
        var response = await client.PostAsync("/testing/clock?" + query, null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("revoked").GetInt32(), body.RootElement.GetProperty("noticed").GetInt32());
    }

    private static async Task<DateTimeOffset> NowAsync(HttpClient client)
    {
        using var body = JsonDocument.Parse(await client.GetStringAsync("/testing/clock"));
        return body.RootElement.GetProperty("utcNow").GetDateTimeOffset();
    }

    /// <summary>The demo accounts' own profiles arrive through the outbox (AccountRegistered) a moment after start-up.</summary>
    private static async Task OwnProfilesAsync(PortalFactory portal, int count)
    {
        var file = Path.Combine(portal.DataFolder, "profiles.db");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (File.Exists(file))
            {
                await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM \"ProfileAccesses\" WHERE \"Relationship\" = 'Self'";
                if ((long)(await command.ExecuteScalarAsync())! >= count)
                {
                    return;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The demo accounts' own profiles did not arrive.");
    }
}
