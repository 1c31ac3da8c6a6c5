using MediatR;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Pages.Admin.Patients;

/// <summary>
/// Staff search the clinic's records. A search reads, never changes: it is a GET, its criteria in the query string
/// (names and dates of birth, never notes). The sort is one of the listed orders; anything else falls back to the name.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Dob { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Card { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Chart { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PatientSort SortBy => Enum.GetNames<PatientSort>().Contains(Sort) ? Enum.Parse<PatientSort>(Sort!) : PatientSort.Name;

    public PatientSearchPage? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(
            new SearchPatients(Name, Dob, Card, Chart, SortBy, Math.Clamp(PageNumber, 1, 10_000), SearchPatients.DefaultPageSize), cancellationToken);
        if (result.Errors.Contains(Error.Forbidden))
        {
            return Forbid();
        }

        Results = result.IsSuccess ? result.Value : null;
        return Page();
    }

    public string PageLink(int page)
    {
        var query = new QueryBuilder();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(key, value);
            }
        }

        Add("name", Name);
        Add("dob", Dob?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("card", Card);
        Add("chart", Chart);
        Add("sort", SortBy.ToString());
        Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/admin/patients" + query.ToQueryString();
    }
}
