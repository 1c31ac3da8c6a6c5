using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientPortal.Modules.Audit.Contracts;

namespace PatientPortal.Host.Pages.Admin.Patients;

/// <summary>Staff (second factor, as every admin page): a patient record's access log, the same rows as the patient's, readers named.</summary>
public sealed class AccessLogModel(IMediator mediator) : PageModel
{
    public Guid Id { get; private set; }

    public AccessLogPage? Log { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        var log = await mediator.Send(new GetPatientFileAccessLog(id, Math.Clamp(pageNumber ?? 1, 1, 100_000)), cancellationToken);
        if (log.IsFailure)
        {
            return Forbid();
        }

        (Id, Log) = (id, log.Value);
        return Page();
    }
}
