using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Pages;

/// <summary>The FRANÇAIS/ENGLISH toggle: a POST (antiforgery-checked) that stores the choice in a cookie.</summary>
[AllowAnonymous]
public sealed class LanguageModel(IMediator mediator) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl, CancellationToken cancellationToken)
    {
        var culture = PortalCultures.FromLanguage(language);
        if (culture is not null)
        {
            PortalAuthentication.RememberLanguage(HttpContext, culture.Name);
            if (User.Identity?.IsAuthenticated == true)
            {
                // The account's emails follow the language it last chose.
                await mediator.Send(new SetPreferredLanguage(culture.Name), cancellationToken);
            }
        }

        return LocalRedirect(Url.LocalOrHome(returnUrl));
    }
}
