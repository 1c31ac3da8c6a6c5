using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.Modules.Appointments.Contracts;
using PatientPortal.Modules.Appointments.Data;
using PatientPortal.Modules.Appointments.Domain;

namespace PatientPortal.Bench.Appointments;

/// <summary>One specialty of the seeded clinic: its practitioners and the routine types their blocks offer.</summary>
internal sealed record BenchSpecialty(Guid Id, string Name, int SlotMinutes, List<AppointmentType> Types, List<BenchPractitioner> Practitioners);

/// <summary>A practitioner, the site they work at four days a week, and their fifth day's site (virtual for some).</summary>
internal sealed record BenchPractitioner(Guid Id, BenchSpecialty Specialty, Guid Site, Guid FifthDaySite, DayOfWeek FifthDay);

/// <summary>
/// A clinic of <c>practitioners</c> across four specialties (family medicine about half of them) and three sites (two
/// clinics and a virtual one), weekly blocks (Monday to Friday, 08:00-12:00 and 13:00-18:00, clinic time) effective for
/// 26 weeks around today, a clinic holiday and a week of leave for one practitioner in ten, and <c>appointments</c>
/// appointments on those blocks: the past 13 weeks about as full as the next two (arrived, no-show, cancelled), then
/// fewer the further ahead, as a clinic's book looks. Written through the module's own context (catalog and schedules)
/// and, for the appointments only, in batched multi-row INSERTs built from the context's own model (column names, value
/// conversions, parameter types), in one transaction.
/// </summary>
internal sealed class ClinicSeed
{
    public static readonly Guid North = new("0193a2d0-0000-7000-8000-00000000a001");
    public static readonly Guid South = new("0193a2d0-0000-7000-8000-00000000a002");
    public static readonly Guid Virtual = new("0193a2d0-0000-7000-8000-00000000a003");
    private static readonly TimeOnly[][] Blocks = [[new(8, 0), new(12, 0)], [new(13, 0), new(18, 0)]];

    public List<BenchSpecialty> Specialties { get; } = [];
    public AppointmentType MinorEmergency { get; private set; } = null!;
    public AppointmentType ComplexEmergency { get; private set; } = null!;
    public IEnumerable<BenchPractitioner> Practitioners => Specialties.SelectMany(s => s.Practitioners);
    public int BlockCount { get; private set; }
    public int ExceptionCount { get; private set; }
    public int AppointmentCount { get; private set; }
    public int ProfileCount { get; private set; }
    public DateOnly FirstDay { get; private set; }
    public DateOnly LastDay { get; private set; }

    /// <summary>How long the seed took: the catalog and schedules, planning the appointments, writing them.</summary>
    public string Timings { get; private set; } = "";

    public static async Task<ClinicSeed> SeedAsync(AppointmentsDbContext db, ClinicCalendar calendar, TimeProvider clock, int practitioners, int appointments, int seed)
    {
        var clinic = new ClinicSeed();
        var random = new Random(seed);
        var today = calendar.Today;
        clinic.FirstDay = today.AddDays(-91);
        clinic.LastDay = today.AddDays(91);
        db.Sites.Add(Site.Create(North, "Clinique Nord", "100 Rue Fleury O", "Montréal", "QC", "H3L1T2", "(555) 123-0001", isVirtual: false));
        db.Sites.Add(Site.Create(South, "Clinique Sud", "200 Rue Wellington", "Montréal", "QC", "H3C1T4", "(555) 123-0002", isVirtual: false));
        db.Sites.Add(Site.Create(Virtual, "Virtual appointment", null, null, null, null, "(555) 123-0003", isVirtual: true));

        // (name, share of the practitioners, slot step, routine types (name, minutes), has a virtual day)
        var plan = new (string Name, double Share, int Step, (string Name, int Minutes)[] Types, bool VirtualDay)[]
        {
            ("Family Medicine", 0.48, 15, [("Follow-up", 15), ("Annual Visit", 30)], true),
            ("Pediatrics", 0.24, 15, [("Well-child visit", 30), ("Follow-up", 15)], false),
            ("Psychology", 0.16, 30, [("Session", 60)], true),
            ("Physiotherapy", 0.12, 15, [("Initial assessment", 45), ("Treatment", 30)], false),
        };
        var counts = plan.Select(p => Math.Max(1, (int)Math.Round(p.Share * practitioners))).ToArray();
        counts[0] += practitioners - counts.Sum();
        clinic.MinorEmergency = AppointmentType.Create(Guid.CreateVersion7(), new LocalizedText("Minor emergency", "Urgence mineure"),
            new LocalizedText("For consultations regarding one issue only", "Pour une consultation concernant un seul problème"), 15, null, true, EmergencyCategory.Minor, null);
        clinic.ComplexEmergency = AppointmentType.Create(Guid.CreateVersion7(), new LocalizedText("Complex emergency", "Urgence complexe"),
            new LocalizedText("Multiple issues or mental health", "Plusieurs problèmes ou santé mentale"), 30, null, true, EmergencyCategory.Complex, null);
        db.AppointmentTypes.AddRange(clinic.MinorEmergency, clinic.ComplexEmergency);
        var number = 0;
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        for (var s = 0; s < plan.Length; s++)
        {
            var specialtyId = Guid.CreateVersion7();
            db.Specialties.Add(Specialty.Create(specialtyId, new LocalizedText(plan[s].Name, plan[s].Name)));
            var types = plan[s].Types.Select(t => AppointmentType.Create(
                Guid.CreateVersion7(), new LocalizedText(t.Name, t.Name), null, t.Minutes, specialtyId, true, EmergencyCategory.None, null)).ToList();
            db.AppointmentTypes.AddRange(types);
            var specialty = new BenchSpecialty(specialtyId, plan[s].Name, plan[s].Step, types, []);
            clinic.Specialties.Add(specialty);
            for (var i = 0; i < counts[s]; i++, number++)
            {
                var site = number % 2 == 0 ? North : South;
                var fifthDay = weekdays[number % 5];
                var practitioner = new BenchPractitioner(Guid.CreateVersion7(), specialty, site, plan[s].VirtualDay ? Virtual : site, fifthDay);
                specialty.Practitioners.Add(practitioner);
                db.Practitioners.Add(Practitioner.Create(practitioner.Id, $"Dr. Bench {number + 1:D2}", [specialtyId], plan[s].VirtualDay ? new[] { site, Virtual } : new[] { site }));
                foreach (var day in weekdays)
                {
                    var at = day == fifthDay ? practitioner.FifthDaySite : site;
                    // Family medicine's clinic days also take the emergency categories (the emergency wizard's "anyone at this site").
                    var offered = types.Select(t => t.Id).Concat(s == 0 && at != Virtual ? [clinic.MinorEmergency.Id, clinic.ComplexEmergency.Id] : []).ToList();
                    foreach (var block in Blocks)
                    {
                        db.ScheduleBlocks.Add(ScheduleBlock.Create(practitioner.Id, at, day, block[0], block[1], plan[s].Step, offered, clinic.FirstDay, clinic.LastDay));
                        clinic.BlockCount++;
                    }
                }
            }
        }

        var holiday = today.AddDays(24);
        db.ScheduleExceptions.Add(ScheduleException.Create(null, null, holiday, holiday, "Holiday"));
        var leave = new List<(Guid Practitioner, DateOnly First, DateOnly Last)>();
        foreach (var practitioner in clinic.Practitioners.Where((_, i) => i % 10 == 3))
        {
            var first = clinic.FirstDay.AddDays(random.Next(0, 175));
            leave.Add((practitioner.Id, first, first.AddDays(6)));
            db.ScheduleExceptions.Add(ScheduleException.Create(practitioner.Id, null, first, first.AddDays(6), "Leave"));
        }

        clinic.ExceptionCount = leave.Count + 1;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await db.SaveChangesAsync();
        var catalogSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        db.ChangeTracker.Clear();

        // The fill (the chance that a slot start begins an appointment) is scaled until the book holds the number asked for.
        var scale = 1.0;
        var profiles = Enumerable.Range(0, Math.Max(1000, appointments / 5)).Select(_ => Guid.CreateVersion7()).ToArray();
        clinic.ProfileCount = profiles.Length;
        for (var round = 0; round < 6; round++)
        {
            var planned = clinic.Plan(calendar, clock, holiday, leave, profiles, scale, seed).Count();
            if (planned == 0 || Math.Abs(planned - appointments) < appointments / 200)
            {
                break;
            }

            scale *= (double)appointments / planned;
        }

        var rows = clinic.Plan(calendar, clock, holiday, leave, profiles, scale, seed).Take(appointments).ToList();
        clinic.AppointmentCount = rows.Count;
        var planSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        await BulkInsertAsync(db, rows);
        clinic.Timings = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"catalog {catalogSeconds:F1} s, planning {planSeconds:F1} s, appointments {watch.Elapsed.TotalSeconds:F1} s");
        return clinic;
    }

    private IEnumerable<Appointment> Plan(
        ClinicCalendar calendar, TimeProvider clock, DateOnly holiday, List<(Guid Practitioner, DateOnly First, DateOnly Last)> leave, Guid[] profiles, double scale, int seed)
    {
        var random = new Random(seed + 1);
        var now = clock.GetUtcNow();
        var today = calendar.Today;
        for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || day == holiday)
            {
                continue;
            }

            var ahead = day.DayNumber - today.DayNumber;
            var fill = scale * (ahead < 0 ? 0.9 : ahead < 14 ? 0.95 : Math.Max(0.2, 0.95 - (0.75 * (ahead - 14) / 77.0)));
            fill = Math.Min(0.97, fill);
            foreach (var practitioner in Practitioners)
            {
                if (leave.Any(l => l.Practitioner == practitioner.Id && day >= l.First && day <= l.Last))
                {
                    continue;
                }

                var site = day.DayOfWeek == practitioner.FifthDay ? practitioner.FifthDaySite : practitioner.Site;
                var step = practitioner.Specialty.SlotMinutes;
                foreach (var block in Blocks)
                {
                    var end = (int)block[1].ToTimeSpan().TotalMinutes;
                    for (var minute = (int)block[0].ToTimeSpan().TotalMinutes; minute < end;)
                    {
                        var type = practitioner.Specialty.Types[random.Next(practitioner.Specialty.Types.Count)];
                        if (practitioner.Specialty == Specialties[0] && site != Virtual && random.NextDouble() < 0.1)
                        {
                            type = random.NextDouble() < 0.7 ? MinorEmergency : ComplexEmergency;
                        }

                        if (random.NextDouble() >= fill || minute + type.DurationMinutes > end)
                        {
                            minute += step;
                            continue;
                        }

                        var local = day.ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute)));
                        var start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, calendar.Zone), TimeSpan.Zero);
                        var booked = start.AddDays(-random.Next(1, 60));
                        var appointment = Appointment.Book(
                            profiles[random.Next(profiles.Length)], practitioner.Id, site, type, start,
                            random.NextDouble() < 0.5 ? "Seeded for the benchmark" : null,
                            type.Emergency == EmergencyCategory.None ? BookingChannel.Portal : BookingChannel.Emergency, BenchAccount.Id, booked < now ? booked : now);
                        var fate = random.NextDouble();
                        if (fate < 0.08)
                        {
                            appointment.Cancel(CancelledBy.Patient, BenchAccount.Id, booked.AddHours(1) < now ? booked.AddHours(1) : now);
                        }
                        else if (start < now)
                        {
                            appointment.RecordAttendance(fate > 0.04 + 0.08, start);
                        }
                        else if (start < now.AddHours(72) && fate < 0.7)
                        {
                            appointment.ReminderQueued(now);
                            appointment.Confirm(BenchAccount.Id, now);
                        }

                        yield return appointment;
                        minute += (type.DurationMinutes + step - 1) / step * step;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The seed only: rows written as EF Core would write them (the model's columns, converters and parameter types), many
    /// to an INSERT, in one transaction, so 100k appointments take seconds rather than minutes.
    /// </summary>
    private static async Task BulkInsertAsync<T>(DbContext db, List<T> rows)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        if (properties.Any(p => p.PropertyInfo is null))
        {
            throw new InvalidOperationException($"{typeof(T).Name} has shadow properties: the bulk insert would miss them.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var into = $"INSERT INTO {sql.DelimitIdentifier(table, entity.GetSchema())} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)))}) VALUES ";
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToList();
        // Microsoft.Data.Sqlite looks each parameter up by name in a list (quadratic in a long INSERT), and a prepared
        // single-row INSERT is as fast there: one row a command on SQLite, 400 on PostgreSQL (one round trip each).
        var batch = db.Database.IsSqlite() ? 1 : 400;
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var connection = db.Database.GetDbConnection();
        for (var offset = 0; offset < rows.Count; offset += batch)
        {
            var chunk = rows.Skip(offset).Take(batch).ToList();
            // A command of its own each time: with Npgsql's Max Auto Prepare on, one command sent again after
            // Parameters.Clear() and new parameters wrote the first rows again (a duplicate key on the second chunk).
            await using var command = connection.CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            var text = new StringBuilder(into);
            for (var r = 0; r < chunk.Count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                text.AppendJoin(", ", properties.Select((_, i) => "@p" + ((r * properties.Count) + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                text.Append(')');
            }

#pragma warning disable CA2100 // Built from the model's own table and column names, with every value a parameter.
            command.CommandText = text.ToString();
#pragma warning restore CA2100
            var n = 0;
            foreach (var row in chunk)
            {
                for (var i = 0; i < properties.Count; i++, n++)
                {
                    var name = "@p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    command.Parameters.Add(mappings[i].CreateParameter(command, name, properties[i].PropertyInfo!.GetValue(row), properties[i].IsNullable));
                }
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await db.Database.CloseConnectionAsync();
    }

    /// <summary>A SQL parameter's value for this provider, as EF Core writes it (the baselines' bare ADO.NET queries).</summary>
    public static void Bind(DbCommand command, string name, object value, bool sqlite)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = (value, sqlite) switch
        {
            (Guid g, true) => g.ToString().ToUpperInvariant(),
            (DateTimeOffset t, true) => t.UtcTicks,
            _ => value,
        };
        command.Parameters.Add(parameter);
    }
}
