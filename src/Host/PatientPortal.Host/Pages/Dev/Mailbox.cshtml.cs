using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PatientPortal.BuildingBlocks.Email;
using PatientPortal.Host.DevMailbox;

namespace PatientPortal.Host.Pages.Dev;

/// <summary>Development only, like Mailpit: the mails written to the pickup folder, newest first, with their links.</summary>
[AllowAnonymous]
public sealed class MailboxModel(IWebHostEnvironment environment, IOptions<EmailOptions> email) : PageModel
{
    public IReadOnlyList<EmlMessage> Messages { get; private set; } = [];

    public IActionResult OnGet(string? to)
    {
        var folder = email.Value.PickupDirectory;
        if (!environment.IsDevelopment() || string.IsNullOrWhiteSpace(folder))
        {
            return NotFound();
        }

        Messages = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.eml")
                .Select(EmlMessage.Read)
                .Where(m => string.IsNullOrWhiteSpace(to) || m.To.Contains(to.Trim(), StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(m => m.Date)
                .Take(100)
                .ToList()
            : [];
        return Page();
    }
}
