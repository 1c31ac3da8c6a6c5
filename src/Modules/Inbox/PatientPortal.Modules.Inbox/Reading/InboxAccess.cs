using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Inbox.Reading;

/// <summary>
/// Profiles' answer for the Inbox (ADR 0012): each category opens with its own permission (messages, documents,
/// bills), asked of <see cref="MayActFor"/> at this instant, so a revoked link or a parent's link at the child's age
/// of consent answers no on the very next request.
/// </summary>
internal sealed class InboxAccess(IMediator mediator)
{
    private static readonly CommunicationCategory[] All = [CommunicationCategory.Message, CommunicationCategory.Document, CommunicationCategory.Bill];

    public static ProfileTabs TabOf(CommunicationCategory category) => category switch
    {
        CommunicationCategory.Document => ProfileTabs.Documents,
        CommunicationCategory.Bill => ProfileTabs.Bills,
        _ => ProfileTabs.Messages,
    };

    public Task<bool> MayOpenAsync(Guid profileId, CommunicationCategory category, CancellationToken cancellationToken) =>
        mediator.Send(new MayActFor(profileId, TabOf(category)), cancellationToken);

    /// <summary>The categories the signed-in account may open for the profile now (none: nothing of the Inbox).</summary>
    public async Task<IReadOnlyList<CommunicationCategory>> VisibleAsync(Guid profileId, CancellationToken cancellationToken)
    {
        var visible = new List<CommunicationCategory>(All.Length);
        foreach (var category in All)
        {
            if (await MayOpenAsync(profileId, category, cancellationToken))
            {
                visible.Add(category);
            }
        }

        return visible;
    }

    public static bool IsAll(IReadOnlyCollection<CommunicationCategory> categories) => categories.Count == All.Length;
}
