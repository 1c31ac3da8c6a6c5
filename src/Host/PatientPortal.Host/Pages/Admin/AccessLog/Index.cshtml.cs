using System.Globalization;
using System.Text;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Audit.Contracts;

namespace PatientPortal.Host.Pages.Admin.AccessLog;

/// <summary>
/// Incident support (security.md F31, ADR 0019), staff with a second factor: a window in clinic time, from (included) to
/// (excluded), gives a CSV of every access to any file in it and of the profiles affected. The POST carries the
/// antiforgery token like every form; the file is made on the server and never cached. It holds what the log holds —
/// who, which profile (by id), what kind of read of what (a fixed name, an id), when, the outcome — and no health detail.
/// </summary>
public sealed class IndexModel(IMediator mediator, IOptions<ClinicOptions> clinic, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);

    [BindProperty]
    public ExportInput Input { get; set; } = new();

    public string TimeZone => clinic.Value.TimeZone;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A year far from now overflows the conversion to UTC (review): the same message as any other bad window.
        if (Input.From is not { Year: >= 2000 and <= 2100 } from || Input.To is not { Year: >= 2000 and <= 2100 } to)
        {
            ModelState.AddModelError("Input", localizer[AuditErrors.WindowInvalid]);
            return Page();
        }

        var export = await mediator.Send(new ExportFileAccesses(ToUtc(from), ToUtc(to)), cancellationToken);
        if (export.Errors.Any(e => e == PatientPortal.BuildingBlocks.Results.Error.Forbidden))
        {
            return Forbid();
        }

        if (export.IsFailure)
        {
            ModelState.AddResultErrors(export, localizer);
            return Page();
        }

        Response.Headers.CacheControl = "no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        var name = $"access-log-{from.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}-{to.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AccessLogCsv.Write(export.Value, _zone))).ToArray(), "text/csv; charset=utf-8", name);
    }

    // A clock time that does not exist (the spring change) is taken an hour later; one that happens twice, the first time.
    private DateTimeOffset ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public sealed class ExportInput
    {
        public DateTime? From { get; set; }
        public DateTime? To { get; set; }
    }
}
