using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Pages.Connections;

/// <summary>
/// Connected Accounts (Quebec page; "Comptes connectés"): connect another patient's profile, see this account's
/// connections and their states, answer the requests for consent to my own file, and remove someone's access to it.
/// Every change is a POST with its antiforgery token; the ids posted are checked by the slices against the signed-in
/// account, never trusted.
/// </summary>
[EnableRateLimiting(PortalRateLimits.ConnectedAccounts)]
public sealed class ConnectionsModel(IMediator mediator, IStringLocalizer<SharedResource> localizer, ClinicFormat format) : PageModel
{
    /// <summary>The messages a redirect after a change may show (anything else in ?done= is ignored).</summary>
    private static readonly Dictionary<string, string> DoneMessages = new(StringComparer.Ordinal)
    {
        ["connected"] = "Connections.Connected",
        ["submitted"] = "Connections.Submitted",
        ["approved"] = "Connections.Approved",
        ["declined"] = "Connections.Declined",
        ["removed"] = "Connections.Removed",
    };

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<MyProfile> MyConnections { get; private set; } = [];
    /// <summary>This account's recent submissions, by date only: a match and no match look the same.</summary>
    public IReadOnlyList<MyConnectionRequest> Submitted { get; private set; } = [];
    public IReadOnlyList<ConsentRequest> ConsentRequests { get; private set; } = [];
    public IReadOnlyList<ProxyOfMine> WhoCanAccess { get; private set; } = [];

    /// <summary>The resource key of the message to show after a change, if any.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Done = done is not null && DoneMessages.TryGetValue(done, out var key) ? key : null;
        return await LoadAsync(cancellationToken) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostConnectAsync(CancellationToken cancellationToken)
    {
        var request = new ConnectProfile(
            Input.FirstName ?? "", Input.LastName ?? "", Input.DateOfBirth ?? default, Input.HealthInsuranceNumber ?? "", RelationshipOf(Input.Relationship));
        var result = await mediator.Send(request, cancellationToken);
        if (result.IsFailure)
        {
            ModelState.Clear();
            ModelState.AddResultErrors(result, localizer);
            return await LoadAsync(cancellationToken) ? Page() : Forbid();
        }

        // One neutral answer for everything but the caller's own child on file: a match waiting for staff or for the
        // person looks exactly like no match (same redirect, same page).
        return RedirectToPage(new { done = result.Value == ConnectOutcome.Connected ? "connected" : "submitted" });
    }

    /// <summary>Approve or decline a request for consent to my file. Another file's request, or one already decided: 404.</summary>
    public async Task<IActionResult> OnPostDecideAsync([FromForm] Guid accessId, [FromForm] string? decision, CancellationToken cancellationToken)
    {
        if (decision is not ("approve" or "decline"))
        {
            return BadRequest();
        }

        var approve = decision == "approve";
        var result = await mediator.Send(new DecideConsent(accessId, approve), cancellationToken);
        return await AfterChangeAsync(result, approve ? "approved" : "declined", cancellationToken);
    }

    /// <summary>Remove someone's access to my file. Another file's link: 404.</summary>
    public async Task<IActionResult> OnPostRemoveAsync([FromForm] Guid accessId, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new RevokeMyProxy(accessId), cancellationToken);
        return await AfterChangeAsync(result, "removed", cancellationToken);
    }

    private async Task<IActionResult> AfterChangeAsync(Result result, string done, CancellationToken cancellationToken)
    {
        if (result.Errors.Contains(Error.NotFound))
        {
            return NotFound();
        }

        if (result.Errors.Contains(Error.Forbidden))
        {
            return Forbid();
        }

        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer);
            return await LoadAsync(cancellationToken) ? Page() : Forbid();
        }

        return RedirectToPage(new { done });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var mine = await mediator.Send(new GetMyProfiles(), cancellationToken);
        var clinic = await mediator.Send(new ListMyConnectionRequests(), cancellationToken);
        var consent = await mediator.Send(new ListConsentRequests(), cancellationToken);
        var who = await mediator.Send(new ListWhoCanAccessMyProfile(), cancellationToken);
        if (mine.IsFailure || clinic.IsFailure || consent.IsFailure || who.IsFailure)
        {
            return false;
        }

        MyConnections = mine.Value.Where(p => p.Relationship != Relationship.Self).ToList();
        Submitted = clinic.Value;
        ConsentRequests = consent.Value;
        WhoCanAccess = who.Value;
        return true;
    }

    /// <summary>Parent, guardian or caregiver; anything else is passed as Self, which the slice refuses with its message.</summary>
    private static Relationship RelationshipOf(string? value) => value switch
    {
        "Parent" => Relationship.Parent,
        "Guardian" => Relationship.Guardian,
        "Caregiver" => Relationship.Caregiver,
        _ => Relationship.Self,
    };

    public string When(DateTimeOffset instant) => format.DateTime(instant);

    /// <summary>The names of the tabs a link opens, as the sidebar names them.</summary>
    public string TabNames(ProfileTabs tabs)
    {
        var names = new List<string>();
        foreach (var (tab, key) in new[] { (ProfileTabs.Appointments, "Tab.appointments"), (ProfileTabs.Messages, "Tab.inbox"), (ProfileTabs.Documents, "Tab.documents"), (ProfileTabs.Bills, "Tab.bills") })
        {
            if (tabs.HasFlag(tab))
            {
                names.Add(localizer[key]);
            }
        }

        return string.Join(", ", names);
    }

    public sealed class InputModel
    {
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public DateOnly? DateOfBirth { get; set; }
        public string? HealthInsuranceNumber { get; set; }
        public string? Relationship { get; set; } = "Parent";
    }
}
