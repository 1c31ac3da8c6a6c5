using PatientPortal.Testing;

namespace PatientPortal.Modules.Accounts.Tests.Data;

public sealed class AccountsDatabaseTests() : ModuleDatabaseContract(AccountsModule.Name, (services, configuration) => services.AddAccountsModule(configuration));
