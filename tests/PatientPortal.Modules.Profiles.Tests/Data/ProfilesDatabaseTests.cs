using PatientPortal.Testing;

namespace PatientPortal.Modules.Profiles.Tests.Data;

public sealed class ProfilesDatabaseTests() : ModuleDatabaseContract(ProfilesModule.Name, (services, configuration) => services.AddProfilesModule(configuration));
