using PatientPortal.Testing;

namespace PatientPortal.Modules.Audit.Tests.Data;

public sealed class AuditDatabaseTests() : ModuleDatabaseContract(AuditModule.Name, (services, configuration) => services.AddAuditModule(configuration));
