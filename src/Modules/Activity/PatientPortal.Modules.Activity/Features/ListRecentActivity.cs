using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Activity.Features;

internal sealed class ListRecentActivityValidator : AbstractValidator<ListRecentActivity>
{
    public ListRecentActivityValidator()
    {
        RuleFor(r => r.ProfileId).NotEmpty();
        RuleFor(r => r.Count).InclusiveBetween(1, ListRecentActivity.MaxCount);
    }
}

/// <summary>
/// Profiles says what the signed-in account is to the profile now (<see cref="GetSelectedProfile"/>: the link's
/// relationship and the tabs it opens, the age rule applied; a profile it may not act for is refused, and that refusal
/// is on Profiles' trail). Then one indexed query: the profile's lines of the tabs the link opens, and, on the account's
/// own profile, the account's own lines (credentials), newest first.
/// </summary>
internal sealed class ListRecentActivityHandler(ActivityDbContext db, ICurrentAccount current, IMediator mediator)
    : IRequestHandler<ListRecentActivity, Result<IReadOnlyList<ActivityLine>>>
{
    public async Task<Result<IReadOnlyList<ActivityLine>>> Handle(ListRecentActivity request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return Error.Forbidden;
        }

        var selected = await mediator.Send(new GetSelectedProfile(request.ProfileId), cancellationToken);
        if (selected.IsFailure || selected.Value.RequestRefused || selected.Value.ProfileId != request.ProfileId)
        {
            return Error.Forbidden;
        }

        var own = selected.Value.Relationship == Relationship.Self;
        var tabs = own ? ProfileTabs.All : selected.Value.Tabs;
        var profileId = request.ProfileId;
        var lines = own
            ? db.Entries.Where(e => (e.ProfileId == profileId && (e.Tab & tabs) != ProfileTabs.None) || e.AccountId == accountId)
            : db.Entries.Where(e => e.ProfileId == profileId && (e.Tab & tabs) != ProfileTabs.None);
        var newest = await lines.AsNoTracking()
            .OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id)
            .Take(request.Count)
            .ToListAsync(cancellationToken);
        return newest.Select(e => e.ToLine()).ToList();
    }
}
