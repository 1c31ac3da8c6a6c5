using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Pages.Profiles;

/// <summary>
/// The selected profile's record as a JSON file. The link names no profile: each download asks Profiles, at that
/// instant, whether the account may still act for the selected profile (a link saved before a child's birthday of
/// consent stops working on the birthday), and is recorded as an export, allowed or refused. Never cached.
/// </summary>
[EnableRateLimiting(PortalRateLimits.TabReads)]
public sealed class ExportModel(IMediator mediator, ProfileSelection selection, TimeProvider clock, ClinicFormat format) : PageModel
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var selected = await selection.CurrentAsync(cancellationToken);
        if (selected is null || selection.RequestRefused)
        {
            return NotFound();
        }

        var record = await mediator.Send(new ExportProfile(selected.ProfileId), cancellationToken);
        if (record.IsFailure)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        // A name the server makes: no patient name or id in it (it ends up in download folders and browser history).
        var day = format.ToClinicTime(clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(JsonSerializer.SerializeToUtf8Bytes(record.Value, Json), "application/json", $"profile-{day}.json");
    }
}
