using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Pages.Admin.Patients;

/// <summary>
/// Staff search the clinic's records. The criteria (names, birth dates, card numbers) are posted, never put in the URL,
/// so they stay out of history, logs and Referer; a search changes nothing. The sort is one of the listed orders;
/// anything else falls back to the name.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public SearchForm Input { get; set; } = new();

    public PatientSort SortBy => Enum.GetNames<PatientSort>().Contains(Input.Sort) ? Enum.Parse<PatientSort>(Input.Sort!) : PatientSort.Name;

    public PatientSearchPage? Results { get; private set; }

    /// <summary>The first page of every record, by name.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await SearchAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => await SearchAsync(cancellationToken);

    private async Task<IActionResult> SearchAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(
            new SearchPatients(Input.Name, Input.Dob, Input.Card, Input.Chart, SortBy, Math.Clamp(Input.Page, 1, 10_000), SearchPatients.DefaultPageSize),
            cancellationToken);
        if (result.Errors.Contains(Error.Forbidden))
        {
            return Forbid();
        }

        Results = result.IsSuccess ? result.Value : null;
        return Page();
    }

    public sealed class SearchForm
    {
        public string? Name { get; set; }
        public DateOnly? Dob { get; set; }
        public string? Card { get; set; }
        public string? Chart { get; set; }
        public string? Sort { get; set; }
        public int Page { get; set; } = 1;
    }
}
