using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.DemoData;

namespace PatientPortal.Modules.Accounts.Tests.Startup;

/// <summary>The first clinic admin, created at start-up from "Accounts:Admin" (security: no secret in the logs).</summary>
public sealed class FirstAdminTests
{
    private const string AdminEmail = "direction@clinique.example";

    [Fact]
    public async Task Without_a_configured_password_the_set_password_link_is_emailed_to_the_admin_and_never_in_the_start_up_lines()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite, new() { ["Accounts:Admin:Email"] = AdminEmail });

        var lines = await RunAsync(accounts);

        var mail = (await accounts.MailsToAsync(AdminEmail)).ShouldHaveSingleItem();
        var token = await accounts.TokenMailedToAsync(AdminEmail);
        mail.TextBody.ShouldContain("https://portal.test/StaffPassword?token=");
        string.Join('\n', lines).ShouldSatisfyAllConditions(
            text => text.ShouldContain(AdminEmail),
            text => text.ShouldNotContain(token),
            text => text.ShouldNotContain(Uri.EscapeDataString(token)),
            text => text.ShouldNotContain("token="));
        (await RunAsync(accounts)).ShouldBeEmpty("an admin exists: nothing is created or sent again");
        (await accounts.MailsToAsync(AdminEmail)).Count.ShouldBe(1);
        (await accounts.SendAsync(new ResetPassword(token, AdminEmail, Builders.Password, Builders.Password, null))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new SignIn(AdminEmail, Builders.Password, null))).Value.Role.ShouldBe(Roles.Admin);
    }

    private static async Task<IReadOnlyList<string>> RunAsync(AccountsHarness accounts)
    {
        using var scope = accounts.Services.CreateScope();
        var lines = new List<string>();
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>())
        {
            lines.AddRange(await task.RunAsync(CancellationToken.None));
        }

        return lines;
    }
}
