namespace PatientPortal.Host.Pages.Admin.Inbox;

/// <summary>What the staff inbox pages share.</summary>
public static class InboxAdminPages
{
    /// <summary>A resource key in TempData: the notice shows on the next page only (post, redirect, get).</summary>
    public const string NoticeKey = "Inbox.Notice";
}
