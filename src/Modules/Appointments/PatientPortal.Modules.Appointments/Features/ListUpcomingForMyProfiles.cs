using PatientPortal.Modules.Appointments.Reading;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>
/// The dashboard: the profiles whose Appointments the account may manage now (Profiles' own list, state and tabs as of
/// this instant), and their appointments still to come, soonest first, each with whom it is for.
/// </summary>
internal sealed class ListUpcomingForMyProfilesHandler(IMediator mediator, AppointmentReads reads, TimeProvider clock)
    : IRequestHandler<ListUpcomingForMyProfiles, Result<IReadOnlyList<AppointmentRow>>>
{
    public async Task<Result<IReadOnlyList<AppointmentRow>>> Handle(ListUpcomingForMyProfiles request, CancellationToken cancellationToken)
    {
        var mine = await mediator.Send(new GetMyProfiles(), cancellationToken);
        if (mine.IsFailure)
        {
            return Result.Failure<IReadOnlyList<AppointmentRow>>([.. mine.Errors]);
        }

        var names = mine.Value
            .Where(p => p.State == AccessState.Active && (p.Relationship == Relationship.Self || p.Tabs.HasFlag(ProfileTabs.Appointments)))
            .ToDictionary(p => p.ProfileId, p => $"{p.FirstName} {p.LastName}");
        var rows = await reads.RowsAsync([.. names.Keys], clock.GetUtcNow(), cancellationToken);
        return rows.OrderBy(r => r.StartUtc).Select(r => r with { ForName = names[r.ProfileId] }).ToList();
    }
}
