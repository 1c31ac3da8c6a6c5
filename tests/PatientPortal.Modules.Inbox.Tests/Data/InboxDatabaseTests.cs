using PatientPortal.Testing;

namespace PatientPortal.Modules.Inbox.Tests.Data;

public sealed class InboxDatabaseTests() : ModuleDatabaseContract(InboxModule.Name, (services, configuration) => services.AddInboxModule(configuration));
