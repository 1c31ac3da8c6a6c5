using PatientPortal.Testing;

namespace PatientPortal.Modules.Appointments.Tests.Data;

public sealed class AppointmentsDatabaseTests() : ModuleDatabaseContract(AppointmentsModule.Name, (services, configuration) => services.AddAppointmentsModule(configuration));
