using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Pages.Account;

/// <summary>Ends the session on the server first, then drops the cookie: a copy of the cookie is worthless afterwards.</summary>
[AllowAnonymous]
public sealed class LogoutModel(IMediator mediator) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/login");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.SessionId() is { } sessionId)
        {
            await mediator.Send(new SignOut(sessionId), cancellationToken);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/login");
    }
}
