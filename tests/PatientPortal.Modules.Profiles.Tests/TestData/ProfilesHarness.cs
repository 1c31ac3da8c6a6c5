using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Modules.Profiles.Data;
using PatientPortal.Testing;

namespace PatientPortal.Modules.Profiles.Tests.TestData;

/// <summary>
/// The Profiles module on a real, migrated database, with a test clock and a settable signed-in account
/// (<see cref="ModuleHarness{TContext}"/>); Accounts' answers it asks for through the mediator are the tests' own
/// (<see cref="SignInEmails"/>, <see cref="FakePatientAccounts"/>).
/// </summary>
internal sealed class ProfilesHarness : ModuleHarness<ProfilesDbContext>
{
    private ProfilesHarness(TestDatabase database, ServiceProvider services)
        : base(database, services)
    {
    }

    public static async Task<ProfilesHarness> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return new ProfilesHarness(database, await StartAsync(database, ProfilesModule.Name, (services, configuration) => services
            .AddSingleton<IProfileLinks, TestLinks>()
            .AddSignInEmails()
            .AddProfilesModule(configuration)
            .AddFakePatientAccounts()));
    }

    private sealed class TestLinks : IProfileLinks
    {
        public string PathOf(ProfileLink link) => "/account/connections";
    }
}
