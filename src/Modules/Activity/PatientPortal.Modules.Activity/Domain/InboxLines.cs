using PatientPortal.Modules.Inbox.Contracts;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Activity.Domain;

/// <summary>Each inbox category has its own line and its own tab: a bill's line is read only by those who may open bills.</summary>
internal static class InboxLines
{
    public static (ActivityKind Kind, ProfileTabs Tab) Of(CommunicationCategory category) => category switch
    {
        CommunicationCategory.Message => (ActivityKind.NewMessage, ProfileTabs.Messages),
        CommunicationCategory.Document => (ActivityKind.NewDocument, ProfileTabs.Documents),
        CommunicationCategory.Bill => (ActivityKind.NewBill, ProfileTabs.Bills),
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "An inbox category with no timeline line."),
    };
}
