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
    // Compiled (the column is on every signed-in page): the profile's lines of the tabs the link opens, newest first.
    private static readonly CompiledPerProvider<Func<ActivityDbContext, Guid, ProfileTabs, int, IAsyncEnumerable<TimelineEntry>>> OfProfile = new(() =>
        EF.CompileAsyncQuery((ActivityDbContext db, Guid profileId, ProfileTabs tabs, int count) => db.Entries.AsNoTracking()
            .Where(e => e.ProfileId == profileId && (e.Tab & tabs) != ProfileTabs.None)
            .OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id)
            .Take(count)));

    // The same on the account's own profile, with the account's own lines (credentials).
    private static readonly CompiledPerProvider<Func<ActivityDbContext, Guid, Guid, int, IAsyncEnumerable<TimelineEntry>>> OfOwnProfile = new(() =>
        EF.CompileAsyncQuery((ActivityDbContext db, Guid profileId, Guid accountId, int count) => db.Entries.AsNoTracking()
            .Where(e => (e.ProfileId == profileId && (e.Tab & ProfileTabs.All) != ProfileTabs.None) || e.AccountId == accountId)
            .OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id)
            .Take(count)));

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

        var newest = selected.Value.Relationship == Relationship.Self
            ? OfOwnProfile.For(db)(db, request.ProfileId, accountId, request.Count)
            : OfProfile.For(db)(db, request.ProfileId, selected.Value.Tabs, request.Count);
        var lines = new List<ActivityLine>(request.Count);
        await foreach (var entry in newest.WithCancellation(cancellationToken))
        {
            lines.Add(entry.ToLine());
        }

        return lines;
    }
}
