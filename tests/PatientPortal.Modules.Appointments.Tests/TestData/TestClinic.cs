using PatientPortal.Modules.Appointments.Data;
using PatientPortal.Modules.Appointments.Domain;

namespace PatientPortal.Modules.Appointments.Tests.TestData;

/// <summary>
/// A small clinic: one site (and a virtual one), Family Medicine, Dr. Solutions (weekdays 9–12 and 13–16, 20-minute
/// slots, Annual Visit and Minor emergency) and Dr. Tremblay (weekday mornings, Minor emergency every 15 minutes).
/// </summary>
internal static class TestClinic
{
    public static readonly Guid Site = Guid.Parse("a0000000-0000-0000-0000-000000000001");
    public static readonly Guid VirtualSite = Guid.Parse("a0000000-0000-0000-0000-000000000002");
    public static readonly Guid FamilyMedicine = Guid.Parse("b0000000-0000-0000-0000-000000000001");
    public static readonly Guid DrSolutions = Guid.Parse("c0000000-0000-0000-0000-000000000001");
    public static readonly Guid DrTremblay = Guid.Parse("c0000000-0000-0000-0000-000000000002");
    public static readonly Guid AnnualVisit = Guid.Parse("d0000000-0000-0000-0000-000000000001");
    public static readonly Guid FollowUp = Guid.Parse("d0000000-0000-0000-0000-000000000002");
    public static readonly Guid MinorEmergency = Guid.Parse("d0000000-0000-0000-0000-000000000003");

    public static async Task SeedAsync(AppointmentsHarness harness, DateOnly effectiveFrom) => await harness.SeedAsync(db => Seed(db, effectiveFrom));

    public static void Seed(AppointmentsDbContext db, DateOnly effectiveFrom)
    {
        db.Sites.Add(Domain.Site.Create(Site, "My Clinic", "201-1224 Rue Stanley", "Montréal", "QC", "H3B2S7", "(555) 123-4321", isVirtual: false));
        db.Sites.Add(Domain.Site.Create(VirtualSite, "Virtual appointment", null, null, null, null, null, isVirtual: true));
        db.Specialties.Add(Specialty.Create(FamilyMedicine, new LocalizedText("Family Medicine", "Médecine familiale")));
        db.Practitioners.Add(Practitioner.Create(DrSolutions, "Dr. Medfar Solutions", [FamilyMedicine], [Site, VirtualSite]));
        db.Practitioners.Add(Practitioner.Create(DrTremblay, "Dr. Anne Tremblay", [FamilyMedicine], [Site]));
        db.AppointmentTypes.Add(AppointmentType.Create(AnnualVisit, new LocalizedText("Annual Visit", "Visite annuelle"), null, 20, FamilyMedicine, bookableOnline: true, EmergencyCategory.None,
            new LocalizedText("Bring your health card.", "Apportez votre carte d'assurance maladie.")));
        db.AppointmentTypes.Add(AppointmentType.Create(FollowUp, new LocalizedText("Follow-up", "Suivi"), null, 20, FamilyMedicine, bookableOnline: false, EmergencyCategory.None, null));
        db.AppointmentTypes.Add(AppointmentType.Create(MinorEmergency, new LocalizedText("Minor emergency", "Urgence mineure"),
            new LocalizedText("For consultations regarding one issue only (e.g. flu, ear infection)", "Pour une consultation concernant un seul problème (p. ex. grippe, otite)"),
            15, null, bookableOnline: true, EmergencyCategory.Minor, null));
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            db.ScheduleBlocks.Add(ScheduleBlock.Create(DrSolutions, Site, day, new TimeOnly(9, 0), new TimeOnly(12, 0), 20, [AnnualVisit, FollowUp, MinorEmergency], effectiveFrom));
            db.ScheduleBlocks.Add(ScheduleBlock.Create(DrSolutions, Site, day, new TimeOnly(13, 0), new TimeOnly(16, 0), 20, [AnnualVisit, FollowUp], effectiveFrom));
            db.ScheduleBlocks.Add(ScheduleBlock.Create(DrTremblay, Site, day, new TimeOnly(9, 0), new TimeOnly(12, 0), 15, [MinorEmergency], effectiveFrom));
        }
    }

    /// <summary>A clinic-time wall clock reading as the UTC instant (Montreal).</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Montreal");
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
