using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Host.Pages.Admin.Clinic;
using PatientPortal.Modules.Appointments.Contracts;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Pages.Admin.Calendar;

/// <summary>
/// "Book for a patient" from a free slot of the staff calendar: find the patient (Profiles' staff search, posted so the
/// name stays out of the URL), choose them, then the type (those that fit the slot) and confirm. The query names the
/// slot (practitioner, site, start) and the chosen record; the module looks the slot up again under its lock and
/// checks the record, so nothing here is trusted.
/// </summary>
public sealed class BookModel(IMediator mediator, IStringLocalizer<SharedResource> localizer, ClinicFormat format) : PageModel
{
    [BindProperty]
    public BookForm Input { get; set; } = new();

    public PractitionerCalendar Calendar { get; private set; } = null!;

    /// <summary>The slot, if still free; null: it was just taken (or never was).</summary>
    public CalendarSlot? Slot { get; private set; }

    public PatientName? Patient { get; private set; }

    public PatientSearchPage? Results { get; private set; }

    public string BackUrl { get; private set; } = "/admin/calendar";

    public DateTimeOffset StartUtc { get; private set; }

    public Guid SiteId { get; private set; }

    public CalendarSpan Span { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid practitioner, Guid site, string? start, string? view, Guid? profile, CancellationToken cancellationToken) =>
        await LoadAsync(practitioner, site, start, view, profile, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostSearchAsync(Guid practitioner, Guid site, string? start, string? view, CancellationToken cancellationToken)
    {
        if (await LoadAsync(practitioner, site, start, view, null, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", localizer["Validation.NotEmpty"]);
            return Page();
        }

        var found = await mediator.Send(new SearchPatients(Name: Input.Name, PageSize: 20), cancellationToken);
        if (ClinicPages.Refusal(this, found) is { } forbidden)
        {
            return forbidden;
        }

        if (found.IsFailure)
        {
            ModelState.AddResultErrors(found, localizer);
            return Page();
        }

        Results = found.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid practitioner, Guid site, string? start, string? view, CancellationToken cancellationToken)
    {
        if (CalendarPages.ParseStart(start) is not { } startUtc)
        {
            return NotFound();
        }

        var result = await mediator.Send(
            new StaffBookAppointment(Input.ProfileId ?? Guid.Empty, Input.TypeId ?? Guid.Empty, site, practitioner, startUtc, Input.Reason), cancellationToken);
        if (ClinicPages.Refusal(this, result) is { } refusal)
        {
            return refusal;
        }

        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer);
            return await LoadAsync(practitioner, site, start, view, Input.ProfileId, cancellationToken) ?? Page();
        }

        TempData[CalendarPages.NoticeKey] = "Calendar.Booked";
        return Redirect(CalendarPages.Url(practitioner, DateOnly.FromDateTime(format.ToClinicTime(startUtc).DateTime), CalendarPages.SpanOf(view)));
    }

    private async Task<IActionResult?> LoadAsync(Guid practitioner, Guid site, string? start, string? view, Guid? profile, CancellationToken cancellationToken)
    {
        if (CalendarPages.ParseStart(start) is not { } startUtc)
        {
            return NotFound();
        }

        StartUtc = startUtc;
        SiteId = site;
        Span = CalendarPages.SpanOf(view);
        var day = DateOnly.FromDateTime(format.ToClinicTime(startUtc).DateTime);
        var calendar = await mediator.Send(new GetPractitionerCalendar(practitioner, day, CalendarSpan.Day), cancellationToken);
        if (calendar.IsFailure)
        {
            return ClinicPages.Refusal(this, calendar) ?? NotFound();
        }

        Calendar = calendar.Value;
        Slot = Calendar.FreeSlots.FirstOrDefault(s => s.SiteId == site && s.StartUtc == startUtc);
        BackUrl = CalendarPages.Url(practitioner, day, CalendarPages.SpanOf(view));
        if (profile is { } profileId)
        {
            var names = await mediator.Send(new GetPatientNames([profileId]), cancellationToken);
            if (ClinicPages.Refusal(this, names) is { } refusal)
            {
                return refusal;
            }

            Patient = names.IsSuccess && names.Value.Count > 0 ? names.Value[0] : null;
            if (Patient is null)
            {
                ModelState.AddModelError("", localizer[AppointmentsErrors.UnknownPatient]);
            }
        }

        return null;
    }

    /// <summary>This page's own address, for the search step.</summary>
    public string SearchUrl => $"/admin/calendar/book?practitioner={Calendar.PractitionerId}&site={SiteId}&start={CalendarPages.Start(StartUtc)}&view={CalendarPages.Span(Span)}";

    /// <summary>This page's address with the chosen record added: the confirm step.</summary>
    public string ChooseUrl(Guid profileId) => $"{SearchUrl}&profile={profileId}";
}

public sealed class BookForm
{
    public string? Name { get; set; }
    public Guid? ProfileId { get; set; }
    public Guid? TypeId { get; set; }
    public string? Reason { get; set; }
}
