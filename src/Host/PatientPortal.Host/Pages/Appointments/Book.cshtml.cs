using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Appointments.Contracts;

namespace PatientPortal.Host.Pages.Appointments;

/// <summary>
/// Book an appointment (specialty &gt; practitioner &gt; site &gt; type &gt; questionnaire &gt; availabilities &gt; confirm) and
/// Emergency appointment (site &gt; type &gt; questionnaire &gt; availabilities, soonest first &gt; confirm), for the selected
/// profile. The steps' choices travel in the query string as ids only, and every page asks the module again for each
/// step's choices: an id that is not among them is 404. The reason is never in a URL: it is POSTed, and carried from
/// the grid to the confirmation in a hidden field. The slot the browser sends only names a time the module looks up
/// again when it books.
/// </summary>
[EnableRateLimiting(PortalRateLimits.Bookings)]
public sealed class BookModel(IMediator mediator, ProfileSelection selection, IStringLocalizer<SharedResource> localizer, IConfiguration configuration) : PageModel
{
    public enum Step
    {
        Specialty,
        Practitioner,
        Site,
        Type,
        Questionnaire,
        Availabilities,
        Confirm,
    }

    [BindProperty(SupportsGet = true, Name = "emergency")]
    public bool Emergency { get; set; }

    [BindProperty(SupportsGet = true, Name = "specialty")]
    public Guid? SpecialtyId { get; set; }

    [BindProperty(SupportsGet = true, Name = "practitioner")]
    public Guid? PractitionerId { get; set; }

    [BindProperty(SupportsGet = true, Name = "site")]
    public Guid? SiteId { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public Guid? TypeId { get; set; }

    [BindProperty]
    public WizardInput Input { get; set; } = new();

    public Step Current { get; private set; }

    /// <summary>The selected profile (from the selection cookie, authorized by Profiles), never from the form.</summary>
    private Guid ProfileId { get; set; }

    /// <summary>Whom the appointment is for, as the Confirm Appointment page says.</summary>
    public string ForName { get; private set; } = "";

    /// <summary>The selected profile's id, for the confirmation form only (checked against the selection on POST).</summary>
    public Guid SelectedProfileId => ProfileId;

    public IReadOnlyList<WizardChoice> Choices { get; private set; } = [];

    public List<(string Label, string? Url)> Breadcrumb { get; } = [];

    /// <summary>The index of the Questionnaire crumb (-1 before that step).</summary>
    public int QuestionnaireCrumb { get; private set; } = -1;

    public AvailabilityWeek? Week { get; private set; }

    public BookingSummary? Summary { get; private set; }

    public DateTimeOffset? SlotStart { get; private set; }

    public string? Message { get; private set; }

    public int ReasonMax => configuration.GetValue("Appointments:ReasonMaxLength", 140);

    /// <summary>The current step's URL with the ids chosen so far (and nothing else).</summary>
    public string StepUrl(Guid? specialty = null, Guid? practitioner = null, Guid? site = null, Guid? type = null)
    {
        var query = new List<string>();
        if (Emergency)
        {
            query.Add("emergency=true");
        }

        void Add(string name, Guid? id)
        {
            if (id is { } value)
            {
                query.Add($"{name}={value}");
            }
        }

        Add("specialty", specialty);
        Add("practitioner", practitioner);
        Add("site", site);
        Add("type", type);
        return "/appointments/book" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    public string ChoiceUrl(Guid id) => Current switch
    {
        Step.Specialty => StepUrl(id),
        Step.Practitioner => StepUrl(SpecialtyId, id),
        Step.Site => StepUrl(SpecialtyId, PractitionerId, id),
        _ => StepUrl(SpecialtyId, PractitionerId, SiteId, id),
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await StepsAsync(cancellationToken) is { } refused ? refused : Page();

    /// <summary>The questionnaire's answer (reason, as soon as possible or anytime after a date) and the arrows: the grid.</summary>
    public async Task<IActionResult> OnPostAvailabilitiesAsync(CancellationToken cancellationToken)
    {
        if (await StepsAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Current != Step.Questionnaire)
        {
            return NotFound();
        }

        if ((Input.Reason?.Trim().Length ?? 0) > ReasonMax)
        {
            ModelState.AddModelError("Input.Reason", localizer[AppointmentsErrors.ReasonTooLong, ReasonMax]);
            return Page();
        }

        if (Input.When == "after" && Input.After is null)
        {
            ModelState.AddModelError("Input.After", localizer["Appointments.AfterRequired"]);
            return Page();
        }

        return await GridAsync(cancellationToken);
    }

    /// <summary>
    /// The breadcrumb's Questionnaire, from the grid or the confirmation: the questionnaire again with the reason and the
    /// date as they were (POSTed back from hidden fields, as the grid carries them), not an empty form.
    /// </summary>
    public async Task<IActionResult> OnPostQuestionnaireAsync(CancellationToken cancellationToken)
    {
        if (await StepsAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Current != Step.Questionnaire)
        {
            return NotFound();
        }

        if (Input.Reason is { Length: > 0 } reason && reason.Length > ReasonMax)
        {
            Input.Reason = reason[..ReasonMax];
        }

        return Page();
    }

    /// <summary>A slot of the grid was chosen: the Confirm Appointment page (nothing is booked yet).</summary>
    public async Task<IActionResult> OnPostReviewAsync(CancellationToken cancellationToken)
    {
        if (await StepsAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Current != Step.Questionnaire || ParseSlot(Input.Slot) is not { } slot || (!Emergency && slot.Practitioner != PractitionerId))
        {
            return NotFound();
        }

        var summary = await mediator.Send(new GetBookingSummary(ProfileId, TypeId!.Value, SiteId!.Value, slot.Practitioner, Emergency), cancellationToken);
        if (summary.IsFailure)
        {
            return NotFound();
        }

        Summary = summary.Value;
        SlotStart = slot.Start;
        Current = Step.Confirm;
        Breadcrumb.Add((localizer["Appointments.Step.Availabilities"].Value, null));
        return Page();
    }

    /// <summary>Confirm Appointment: the module books the slot, or says it was just taken (the grid again).</summary>
    public async Task<IActionResult> OnPostBookAsync(CancellationToken cancellationToken)
    {
        if (await StepsAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Current != Step.Questionnaire || ParseSlot(Input.Slot) is not { } slot || (!Emergency && slot.Practitioner != PractitionerId))
        {
            return NotFound();
        }

        if (Input.For != ProfileId)
        {
            // Another tab switched the selected person after this page named whom the appointment is for.
            Message = localizer["Appointments.ProfileChanged"];
            return await GridAsync(cancellationToken);
        }

        var booked = await mediator.Send(
            new BookAppointment(ProfileId, TypeId!.Value, SiteId!.Value, slot.Practitioner, slot.Start, Input.Reason, Emergency), cancellationToken);
        if (booked.IsSuccess)
        {
            return Redirect($"/appointments/{booked.Value}?booked=true");
        }

        if (booked.Errors.Any(e => e.Key == Error.NotFound.Key))
        {
            return NotFound();
        }

        var error = booked.Errors[0];
        Message = localizer[error.Key, [.. error.Arguments]];
        Input.Week = DateOnly.FromDateTime(slot.Start.UtcDateTime);
        return await GridAsync(cancellationToken);
    }

    private async Task<IActionResult> GridAsync(CancellationToken cancellationToken)
    {
        DateOnly? after = Input.When == "after" ? Input.After : null;
        var week = await mediator.Send(
            new GetAvailabilities(ProfileId, TypeId!.Value, SiteId!.Value, Emergency ? null : PractitionerId, after, Input.Week, Emergency), cancellationToken);
        if (week.IsFailure)
        {
            return NotFound();
        }

        Week = week.Value;
        Current = Step.Availabilities;
        Breadcrumb.Add((localizer["Appointments.Step.Availabilities"].Value, null));
        return Page();
    }

    /// <summary>
    /// Walks the steps from the ids in the query string, asking the module for each step's choices (which also names the
    /// breadcrumb): an id that is not among them, or a profile whose link does not open the tab, is 404.
    /// </summary>
    private async Task<IActionResult?> StepsAsync(CancellationToken cancellationToken)
    {
        if (!await selection.OpensAsync("appointments", cancellationToken) || await selection.CurrentAsync(cancellationToken) is not { } selected)
        {
            return NotFound();
        }

        ProfileId = selected.ProfileId;
        ForName = $"{selected.FirstName} {selected.LastName}";
        if (Emergency)
        {
            SpecialtyId = null;
            PractitionerId = null;
            Breadcrumb.Add((localizer["Appointments.Emergency"].Value, StepUrl()));
            return await ChooseAsync(Step.Site, new ListEmergencySites(ProfileId), SiteId, cancellationToken)
                ?? await ChooseAsync(Step.Type, new ListEmergencyTypes(ProfileId, SiteId!.Value), TypeId, cancellationToken)
                ?? Questionnaire();
        }

        return await ChooseAsync(Step.Specialty, new ListSpecialties(ProfileId), SpecialtyId, cancellationToken)
            ?? await ChooseAsync(Step.Practitioner, new ListPractitioners(ProfileId, SpecialtyId!.Value), PractitionerId, cancellationToken)
            ?? await ChooseAsync(Step.Site, new ListPractitionerSites(ProfileId, SpecialtyId!.Value, PractitionerId!.Value), SiteId, cancellationToken)
            ?? await ChooseAsync(Step.Type, new ListBookableTypes(ProfileId, SpecialtyId!.Value, PractitionerId!.Value, SiteId!.Value), TypeId, cancellationToken)
            ?? Questionnaire();
    }

    private IActionResult? Questionnaire()
    {
        Current = Step.Questionnaire;
        QuestionnaireCrumb = Breadcrumb.Count;
        Breadcrumb.Add((localizer["Appointments.Step.Questionnaire"].Value, StepUrl(SpecialtyId, PractitionerId, SiteId, TypeId)));
        return null;
    }

    /// <returns>
    /// Null when <paramref name="chosen"/> is among the step's choices (the walk goes on); the page at this step when
    /// nothing is chosen yet; 404 when the chosen id is not offered.
    /// </returns>
    private async Task<IActionResult?> ChooseAsync(
        Step step, IRequest<Result<IReadOnlyList<WizardChoice>>> request, Guid? chosen, CancellationToken cancellationToken)
    {
        var choices = await mediator.Send(request, cancellationToken);
        if (choices.IsFailure)
        {
            return NotFound();
        }

        Current = step;
        if (chosen is null)
        {
            Choices = choices.Value;
            return Request.Method == HttpMethods.Get ? Page() : NotFound();
        }

        if (choices.Value.FirstOrDefault(c => c.Id == chosen) is not { } choice)
        {
            return NotFound();
        }

        // Each crumb links back to the step it was chosen at (the URL with the ids before it).
        Breadcrumb.Add((choice.Name, StepBack(step)));
        return null;
    }

    private string StepBack(Step step) => step switch
    {
        Step.Specialty => StepUrl(),
        Step.Practitioner => StepUrl(SpecialtyId),
        Step.Site => Emergency ? StepUrl() : StepUrl(SpecialtyId, PractitionerId),
        _ => Emergency ? StepUrl(site: SiteId) : StepUrl(SpecialtyId, PractitionerId, SiteId),
    };

    /// <summary>The grid's week as the guide writes it ("9 - 15 June"), in the reader's culture: "30 November – 6 December 2026".</summary>
    public static string WeekRange(DateOnly monday)
    {
        var culture = CultureInfo.CurrentCulture;
        var sunday = monday.AddDays(6);
        var first = monday.Month == sunday.Month ? monday.Day.ToString(culture)
            : monday.ToString(monday.Year == sunday.Year ? "d MMMM" : "d MMMM yyyy", culture);
        return $"{first} – {sunday.ToString("d MMMM yyyy", culture)}";
    }

    /// <summary>"practitionerId_utcTicks": names a slot of the grid; the module checks it again.</summary>
    public static string SlotValue(AvailableSlot slot) => $"{slot.PractitionerId}_{slot.StartUtc.UtcTicks.ToString(CultureInfo.InvariantCulture)}";

    private static (Guid Practitioner, DateTimeOffset Start)? ParseSlot(string? value)
    {
        var parts = value?.Split('_');
        return parts is [var practitioner, var ticks] && Guid.TryParse(practitioner, out var id)
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t > 0 && t < DateTimeOffset.MaxValue.UtcTicks
            ? (id, new DateTimeOffset(t, TimeSpan.Zero))
            : null;
    }

    public sealed class WizardInput
    {
        public string? Reason { get; set; }

        /// <summary>"asap" (As soon as possible) or "after" (Anytime after <see cref="After"/>).</summary>
        public string When { get; set; } = "asap";

        public DateOnly? After { get; set; }

        /// <summary>The grid's week (the arrows); empty: the first week with a free slot.</summary>
        public DateOnly? Week { get; set; }

        public string? Slot { get; set; }

        /// <summary>The profile the Confirm Appointment page named: a booking is refused if another tab changed the selection since.</summary>
        public Guid? For { get; set; }
    }
}
