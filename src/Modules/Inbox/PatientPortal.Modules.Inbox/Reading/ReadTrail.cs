using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Inbox.Reading;

/// <summary>
/// The module's reads of a profile's inbox, on the access trail Profiles keeps (security.md F29, ADR 0014): a tab's
/// list ("communications"), a thread ("communication"), a download ("attachment"), by the patient, a proxy or staff,
/// and every refusal of an id that names another family's communication. Names only, never content.
/// </summary>
internal sealed class ReadTrail(IMediator mediator, ICurrentAccount current)
{
    public const string List = "communications";
    public const string Thread = "communication";
    public const string Download = "attachment";

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
}
