namespace PatientPortal.Modules.Appointments.Tests.TestData;

/// <summary>Appointments put straight in the database, as staff or an earlier booking would have made them.</summary>
internal static class Bookings
{
    public static async Task<Guid> BookAsync(
        this AppointmentsHarness harness, Guid profileId, DateTimeOffset start, Guid? practitioner = null, Action<Appointment>? then = null)
    {
        var id = Guid.Empty;
        await harness.SeedAsync(db =>
        {
            var visit = db.AppointmentTypes.Find(TestClinic.AnnualVisit)!;
            var appointment = Appointment.Book(profileId, practitioner ?? TestClinic.DrSolutions, TestClinic.Site, visit, start, "Check-up", BookingChannel.Staff, Guid.NewGuid(), AppointmentsHarness.Start);
            then?.Invoke(appointment);
            db.Appointments.Add(appointment);
            id = appointment.Id;
        });
        return id;
    }

    public static Task<Appointment> AppointmentAsync(this AppointmentsHarness harness, Guid id) =>
        harness.QueryAsync(db => db.Appointments.SingleAsync(a => a.Id == id));
}
