using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Appointments.Reading;

/// <summary>
/// The module's reads of a profile's appointments, on the access trail Profiles keeps (security.md F29, ADR 0014):
/// the tab's lists, an appointment's details (the reason among them), an email link's page, and every refusal of an
/// id that names another family's appointment. Names only ("appointment"), never content. Not recorded: the dashboard's
/// upcoming list of the account's own links (like Profiles' own list, ADR 0014).
/// </summary>
internal sealed class ReadTrail(IMediator mediator, ICurrentAccount current)
{
    /// <summary>
    /// A read by the signed-in account (nobody signed in: nothing to record, nothing was shown); <paramref name="objectId"/>
    /// names the one thing read (null: a list).
    /// </summary>
    public async Task RecordAsync(Guid profileId, string what, Guid? objectId, bool allowed, CancellationToken cancellationToken)
    {
        if (current.AccountId is { } reader)
        {
            await mediator.Send(new RecordProfileRead(reader, profileId, what, allowed, ByStaff: StaffOnly.Allows(current), objectId), cancellationToken);
        }
    }

    /// <summary>A read through an email link, by the account the email was sent to.</summary>
    public async Task RecordForAsync(Guid recipient, Guid profileId, string what, Guid objectId, bool allowed, CancellationToken cancellationToken) =>
        await mediator.Send(new RecordProfileRead(recipient, profileId, what, allowed, ObjectId: objectId), cancellationToken);
}
