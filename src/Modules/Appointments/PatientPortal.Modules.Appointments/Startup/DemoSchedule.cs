using PatientPortal.BuildingBlocks.DemoData;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Appointments.Startup;

/// <summary>
/// Development only: the demo clinic's appointments side, relative to the clock at start-up. Two sites (My Clinic, and a
/// virtual one), three specialties, five practitioners (Dr. Medfar Solutions in Family Medicine among them), routine
/// types and the two emergency categories, weekly schedules effective from today over the coming eight weeks, half-used
/// at most so there are always free slots; and for Heather's son Nathan (<see cref="DemoClinic.NathanMilnerProfileId"/>):
/// one appointment inside the 72-hour window, one more than 48 hours away, one cancelled (these three booked in the last
/// days, their events published with their own times: Recent activity shows them), and past ones for the history.
/// Léa (the second family) has one too, so that another family's appointment id can be tried. Seeded when no site exists.
/// </summary>
internal sealed class DemoSchedule(AppointmentsDbContext db, ClinicCalendar calendar, TimeProvider clock) : IDemoDataSeeder
{
    public static readonly Guid MyClinic = DemoClinic.MyClinicSiteId;
    public static readonly Guid Virtual = new("0193a2d0-0000-7000-8000-000000000302");
    public static readonly Guid FamilyMedicine = new("0193a2d0-0000-7000-8000-000000000311");
    public static readonly Guid Pediatrics = new("0193a2d0-0000-7000-8000-000000000312");
    public static readonly Guid Physiotherapy = new("0193a2d0-0000-7000-8000-000000000313");
    public static readonly Guid DrLefebvre = new("0193a2d0-0000-7000-8000-000000000202");
    public static readonly Guid DrNguyen = DemoClinic.DrMinhNguyenId;
    public static readonly Guid DrBouchard = DemoClinic.DrJulieBouchardId;
    public static readonly Guid Roy = DemoClinic.MarcRoyId;
    public static readonly Guid AnnualVisit = new("0193a2d0-0000-7000-8000-000000000321");
    public static readonly Guid FollowUp = new("0193a2d0-0000-7000-8000-000000000322");
    public static readonly Guid TelehealthFollowUp = new("0193a2d0-0000-7000-8000-000000000323");
    public static readonly Guid WellChild = new("0193a2d0-0000-7000-8000-000000000324");
    public static readonly Guid PhysioAssessment = new("0193a2d0-0000-7000-8000-000000000325");
    public static readonly Guid PrescriptionRenewal = new("0193a2d0-0000-7000-8000-000000000326");
    public static readonly Guid MinorEmergency = new("0193a2d0-0000-7000-8000-000000000331");
    public static readonly Guid ComplexEmergency = new("0193a2d0-0000-7000-8000-000000000332");

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>After Profiles' <c>DemoProfiles</c> (20): the profiles the appointments belong to.</summary>
    public int Order => 30;

    public async Task<IReadOnlyList<string>> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Sites.AnyAsync(cancellationToken))
        {
            return [];
        }

        var today = calendar.Today;
        var until = today.AddDays(8 * 7);
        var earlier = today.AddDays(-400);
        db.Sites.Add(Site.Create(MyClinic, "My Clinic", "201-1224 Rue Stanley", "Montréal", "QC", "H3B2S7", "(555) 123-4321", isVirtual: false));
        db.Sites.Add(Site.Create(Virtual, "Téléconsultation", null, null, null, null, "(555) 123-4321", isVirtual: true));
        db.Specialties.Add(Specialty.Create(FamilyMedicine, new LocalizedText("Family Medicine", "Médecine familiale")));
        db.Specialties.Add(Specialty.Create(Pediatrics, new LocalizedText("Pediatrics", "Pédiatrie")));
        db.Specialties.Add(Specialty.Create(Physiotherapy, new LocalizedText("Physiotherapy", "Physiothérapie")));
        db.Practitioners.Add(Practitioner.Create(DemoClinic.DrMedfarSolutionsId, "Dr. Medfar Solutions", [FamilyMedicine], [MyClinic, Virtual]));
        db.Practitioners.Add(Practitioner.Create(DrLefebvre, "Dr. Anne Lefebvre", [FamilyMedicine], [MyClinic]));
        db.Practitioners.Add(Practitioner.Create(DrNguyen, "Dr. Minh Nguyen", [Pediatrics, FamilyMedicine], [MyClinic, Virtual]));
        db.Practitioners.Add(Practitioner.Create(DrBouchard, "Dr. Julie Bouchard", [Pediatrics], [MyClinic]));
        db.Practitioners.Add(Practitioner.Create(Roy, "Marc Roy, pht", [Physiotherapy], [MyClinic]));

        var link = new LocalizedText("You will receive the link to the video call by email before the appointment.",
            "Vous recevrez le lien de l'appel vidéo par courriel avant le rendez-vous.");
        var annual = AppointmentType.Create(AnnualVisit, new LocalizedText("Annual Visit", "Visite annuelle"), null, 20, FamilyMedicine, true, EmergencyCategory.None, BringYourCard());
        db.AppointmentTypes.Add(annual);
        db.AppointmentTypes.Add(AppointmentType.Create(FollowUp, new LocalizedText("Follow-up", "Suivi"), null, 20, FamilyMedicine, true, EmergencyCategory.None, BringYourCard()));
        db.AppointmentTypes.Add(AppointmentType.Create(TelehealthFollowUp, new LocalizedText("Virtual follow-up", "Suivi virtuel"), null, 15, FamilyMedicine, true, EmergencyCategory.None, link));
        db.AppointmentTypes.Add(AppointmentType.Create(PrescriptionRenewal, new LocalizedText("Prescription renewal", "Renouvellement d'ordonnance"), null, 15, FamilyMedicine, false, EmergencyCategory.None, null));
        db.AppointmentTypes.Add(AppointmentType.Create(WellChild, new LocalizedText("Well-child visit", "Suivi de l'enfant"), null, 30, Pediatrics, true, EmergencyCategory.None, BringYourCard()));
        db.AppointmentTypes.Add(AppointmentType.Create(PhysioAssessment, new LocalizedText("Initial assessment", "Évaluation initiale"), null, 45, Physiotherapy, true, EmergencyCategory.None,
            new LocalizedText("Wear comfortable clothing.", "Portez des vêtements confortables.")));
        db.AppointmentTypes.Add(AppointmentType.Create(MinorEmergency, new LocalizedText("Minor emergency", "Urgence mineure"),
            new LocalizedText("For consultations regarding one issue only (e.g. flu, ear infection)", "Pour une consultation concernant un seul problème (p. ex. grippe, otite)"),
            15, null, true, EmergencyCategory.Minor, BringYourCard()));
        db.AppointmentTypes.Add(AppointmentType.Create(ComplexEmergency, new LocalizedText("Complex emergency", "Urgence complexe"),
            new LocalizedText("For consultations regarding multiple issues or for mental health", "Pour une consultation concernant plusieurs problèmes ou pour la santé mentale"),
            30, null, true, EmergencyCategory.Complex, BringYourCard()));

        // Weekly templates from today, for eight weeks; the demo appointments below take only a few of their slots.
        // The past ones (history) had templates of their own, which ended yesterday.
        foreach (var (from, last) in new[] { (earlier, today.AddDays(-1)), (today, until) })
        {
            foreach (var day in Weekdays)
            {
                Block(DemoClinic.DrMedfarSolutionsId, MyClinic, day, 8, 12, 20, [AnnualVisit, FollowUp, MinorEmergency], from, last);
                Block(DemoClinic.DrMedfarSolutionsId, day == DayOfWeek.Wednesday ? Virtual : MyClinic, day, 13, 16, 20,
                    day == DayOfWeek.Wednesday ? [TelehealthFollowUp] : [AnnualVisit, FollowUp], from, last);
                Block(DrLefebvre, MyClinic, day, 9, 12, 15, [MinorEmergency, ComplexEmergency, AnnualVisit], from, last);
                Block(DrLefebvre, MyClinic, day, 13, 17, 15, [MinorEmergency, ComplexEmergency], from, last);
                if (day is DayOfWeek.Tuesday or DayOfWeek.Thursday)
                {
                    Block(DrNguyen, MyClinic, day, 8, 12, 30, [WellChild, AnnualVisit], from, last);
                    Block(DrNguyen, Virtual, day, 13, 15, 15, [TelehealthFollowUp, MinorEmergency], from, last);
                }
                else
                {
                    Block(DrBouchard, MyClinic, day, 9, 16, 30, [WellChild], from, last);
                }

                Block(Roy, MyClinic, day, 10, 15, 45, [PhysioAssessment], from, last);
            }
        }

        // A holiday two weeks ahead: the whole clinic closed (patients see "No Availability").
        db.ScheduleExceptions.Add(ScheduleException.Create(null, null, NextWeekday(today.AddDays(14)), NextWeekday(today.AddDays(14)), "Clinic closed (demo)"));

        var now = clock.GetUtcNow();
        var nathan = DemoClinic.NathanMilnerProfileId;
        var heather = DemoClinic.HeatherMilnerAccountId;
        // Booked by Heather in the last days (Recent activity shows it): inside the 72-hour window (confirm is open), more
        // than 48 hours away when possible (cancel still open).
        Booked(Book(nathan, DemoClinic.DrMedfarSolutionsId, annual, InsideConfirmWindow(now), "Annual check-up", heather, now.AddDays(-6)));
        // More than 72 hours away: cancel open, confirm not yet.
        Booked(Book(nathan, DrNguyen, db.AppointmentTypes.Local.Single(t => t.Id == WellChild), At(now.AddDays(9), 10), "Vaccines", heather, now.AddDays(-4)));
        // Cancelled by the patient.
        var cancelled = Booked(Book(nathan, DrLefebvre, annual, At(now.AddDays(12), 11), "Check-up", heather, now.AddDays(-3)));
        cancelled.Cancel(CancelledBy.Patient, heather, now.AddHours(-20));
        db.Publish(new AppointmentCancelled(cancelled.Id, nathan, cancelled.StartUtc, ByClinic: false), cancelled.CancelledUtc!.Value);
        // History: attended, a no-show, and one cancelled by the clinic.
        var earlierNow = now.AddDays(-200);
        Book(nathan, DemoClinic.DrMedfarSolutionsId, annual, At(now.AddDays(-30), 9), "Sore throat", heather, earlierNow).RecordAttendance(true, now.AddDays(-30));
        Book(nathan, DrBouchard, db.AppointmentTypes.Local.Single(t => t.Id == WellChild), At(now.AddDays(-90), 10), null, heather, earlierNow).RecordAttendance(false, now.AddDays(-90));
        Book(nathan, DemoClinic.DrMedfarSolutionsId, annual, At(now.AddDays(-150), 14), null, heather, earlierNow).Cancel(CancelledBy.Clinic, null, now.AddDays(-160));
        // The second family's daughter.
        Book(DemoClinic.LeaGagnonProfileId, DrBouchard, db.AppointmentTypes.Local.Single(t => t.Id == WellChild), At(now.AddDays(10), 14), "Suivi", DemoClinic.SophieGagnonAccountId, now);

        await db.SaveChangesAsync(cancellationToken);
        return [$"appointments: 2 sites, 3 specialties, 5 practitioners, schedules from {today:yyyy-MM-dd} to {until:yyyy-MM-dd}; Nathan Milner's upcoming, cancelled and past appointments"];
    }

    /// <summary>A new instance for each type: an owned value cannot be shared by two rows.</summary>
    private static LocalizedText BringYourCard() => new(
        "Please bring your health insurance card and arrive 10 minutes early.",
        "Veuillez apporter votre carte d'assurance maladie et arriver 10 minutes à l'avance.");

    private void Block(Guid practitioner, Guid site, DayOfWeek day, int fromHour, int toHour, int slotMinutes, Guid[] types, DateOnly from, DateOnly last) =>
        db.ScheduleBlocks.Add(ScheduleBlock.Create(practitioner, site, day, new TimeOnly(fromHour, 0), new TimeOnly(toHour, 0), slotMinutes, types, from, last));

    private Appointment Book(Guid profile, Guid practitioner, AppointmentType type, DateTimeOffset start, string? reason, Guid bookedBy, DateTimeOffset bookedAt)
    {
        // Booked by the family on the portal, as the events say (ByClinic: false) and the Recent activity tells it.
        var appointment = Appointment.Book(profile, practitioner, MyClinic, type, start, reason, BookingChannel.Portal, bookedBy, bookedAt);
        // Seeded, not booked: the reminder job leaves them alone, so the demo mailbox holds only what visitors do.
        appointment.ReminderQueued(bookedAt);
        db.Appointments.Add(appointment);
        return appointment;
    }

    /// <summary>Tells the other modules (Recent activity) that the patient booked it, when they did.</summary>
    private Appointment Booked(Appointment appointment)
    {
        db.Publish(new AppointmentBooked(appointment.Id, appointment.ProfileId, appointment.StartUtc, ByClinic: false), appointment.BookedUtc);
        return appointment;
    }

    /// <summary>The weekday on or before <paramref name="around"/>'s clinic day (weekends move to Friday), at a whole hour in clinic time.</summary>
    /// <summary>
    /// The latest hour Dr. Solutions sees patients at My Clinic (weekdays 8-12, and 13-16 but on Wednesdays) that is more
    /// than 48 and less than 72 hours away, so that both Confirm and Cancel show; when a weekend fills that window, the
    /// latest such hour less than 72 hours away.
    /// </summary>
    private DateTimeOffset InsideConfirmWindow(DateTimeOffset now)
    {
        // Montreal's offsets are whole hours: a UTC hour is a clinic hour.
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var candidates = Enumerable.Range(1, 71).Reverse().Select(h => hour.AddHours(h)).Where(t => t > now && t < now.AddHours(72)).Where(t =>
        {
            var local = TimeZoneInfo.ConvertTime(t, calendar.Zone);
            return local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                && (local.Hour is >= 8 and < 12 || (local.Hour is >= 13 and < 16 && local.DayOfWeek != DayOfWeek.Wednesday));
        }).ToList();
        return candidates.FirstOrDefault(t => t > now.AddHours(48), candidates.FirstOrDefault(At(now.AddHours(60), 9)));
    }

    private DateTimeOffset At(DateTimeOffset around, int hour)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(around, calendar.Zone).DateTime);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, calendar.Zone), TimeSpan.Zero);
    }

    private static DateOnly NextWeekday(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
