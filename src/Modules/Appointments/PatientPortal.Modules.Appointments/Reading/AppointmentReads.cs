using System.Globalization;

namespace PatientPortal.Modules.Appointments.Reading;

/// <summary>
/// Appointments as patients read them: rows and details with the practitioner's, site's, type's and specialty's names
/// in the reader's language (the request's UI culture). One projection for the tab, the dashboard and the details.
/// </summary>
internal sealed class AppointmentReads(AppointmentsDbContext db, AppointmentWindows windows, TimeProvider clock)
{
    private static string Language => CultureInfo.CurrentUICulture.Name;

    private static string? Named(string? en, string? fr) => en is null || fr is null ? null : new LocalizedText(en, fr).In(Language);

    // Compiled (every dashboard asks): the profiles' appointments, those after a time only when one is given.
    private static readonly CompiledPerProvider<Func<AppointmentsDbContext, Guid[], DateTimeOffset?, IAsyncEnumerable<RowColumns>>> Rows = new(() =>
        EF.CompileAsyncQuery((AppointmentsDbContext db, Guid[] profileIds, DateTimeOffset? after) =>
            from a in db.Appointments.AsNoTracking()
            where profileIds.Contains(a.ProfileId) && (after == null || a.StartUtc > after)
            join p in db.Practitioners on a.PractitionerId equals p.Id
            join s in db.Sites on a.SiteId equals s.Id
            join t in db.AppointmentTypes on a.AppointmentTypeId equals t.Id
            join sp in db.Specialties on t.SpecialtyId equals sp.Id into specialties
            from sp in specialties.DefaultIfEmpty()
            select new RowColumns(a.Id, a.ProfileId, a.StartUtc, p.DisplayName, (string?)sp.Name.En, (string?)sp.Name.Fr, s.Name, a.Status)));

    /// <summary>The profiles' appointments (those starting after <paramref name="after"/>, when given), in no order.</summary>
    public async Task<List<AppointmentRow>> RowsAsync(Guid[] profileIds, DateTimeOffset? after, CancellationToken cancellationToken)
    {
        var rows = new List<AppointmentRow>();
        await foreach (var r in Rows.For(db)(db, profileIds, after).WithCancellation(cancellationToken))
        {
            rows.Add(new AppointmentRow(r.Id, r.ProfileId, r.StartUtc, r.Practitioner, Named(r.SpecialtyEn, r.SpecialtyFr), r.Site, r.Status));
        }

        return rows;
    }

    public async Task<(Appointment Appointment, AppointmentDetails Details)?> DetailsAsync(Guid appointmentId, CancellationToken cancellationToken)
    {
        var found = await (
                from a in db.Appointments.AsNoTracking()
                where a.Id == appointmentId
                join p in db.Practitioners on a.PractitionerId equals p.Id
                join s in db.Sites on a.SiteId equals s.Id
                join t in db.AppointmentTypes on a.AppointmentTypeId equals t.Id
                join sp in db.Specialties on t.SpecialtyId equals sp.Id into specialties
                from sp in specialties.DefaultIfEmpty()
                select new { Appointment = a, Practitioner = p.DisplayName, Site = s, Type = t, SpecialtyEn = (string?)sp.Name.En, SpecialtyFr = (string?)sp.Name.Fr })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var appointment = found.Appointment;
        var site = found.Site;
        var now = clock.GetUtcNow();
        return (appointment, new AppointmentDetails(
            appointment.Id, appointment.ProfileId, found.Practitioner, Named(found.SpecialtyEn, found.SpecialtyFr),
            new SiteView(site.Id, site.Name, site.AddressLine, site.City, site.Province, site.PostalCode, site.Phone, site.IsVirtual),
            appointment.StartUtc, found.Type.Name.In(Language), found.Type.DurationMinutes, found.Type.VisitMessage?.In(Language),
            appointment.Reason, appointment.Status, windows.MayConfirm(appointment, now), windows.ConfirmOpensAt(appointment),
            windows.MayCancel(appointment, now), windows.CancelDeadline(appointment)));
    }
}

internal sealed record RowColumns(
    Guid Id, Guid ProfileId, DateTimeOffset StartUtc, string Practitioner, string? SpecialtyEn, string? SpecialtyFr, string Site, AppointmentStatus Status);
