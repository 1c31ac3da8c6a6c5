using PatientPortal.Testing;

namespace PatientPortal.Modules.Activity.Tests.Data;

public sealed class ActivityDatabaseTests() : ModuleDatabaseContract(ActivityModule.Name, (services, configuration) => services.AddActivityModule(configuration));
