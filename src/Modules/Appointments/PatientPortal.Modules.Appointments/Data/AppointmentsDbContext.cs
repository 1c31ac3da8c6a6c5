using Microsoft.EntityFrameworkCore;
using PatientPortal.BuildingBlocks.Persistence;

namespace PatientPortal.Modules.Appointments.Data;

/// <summary>The Appointments module's data, in its own "appointments" schema (PostgreSQL) or its own file (SQLite).</summary>
internal class AppointmentsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public override string Schema => "appointments";

    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Specialty> Specialties => Set<Specialty>();
    public DbSet<Practitioner> Practitioners => Set<Practitioner>();
    public DbSet<AppointmentType> AppointmentTypes => Set<AppointmentType>();
    public DbSet<ScheduleBlock> ScheduleBlocks => Set<ScheduleBlock>();
    public DbSet<ScheduleException> ScheduleExceptions => Set<ScheduleException>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
}

// One subclass per provider, each with its own migration set under Data/Migrations/<Provider>.
internal sealed class SqliteAppointmentsDbContext(DbContextOptions<SqliteAppointmentsDbContext> options) : AppointmentsDbContext(options);

internal sealed class PostgresAppointmentsDbContext(DbContextOptions<PostgresAppointmentsDbContext> options) : AppointmentsDbContext(options);

internal sealed class SqliteAppointmentsDesignTimeFactory : SqliteDesignTimeFactory<SqliteAppointmentsDbContext>;

internal sealed class PostgresAppointmentsDesignTimeFactory : PostgresDesignTimeFactory<PostgresAppointmentsDbContext>;
