namespace PatientPortal.Modules.Inbox.Reading;

/// <summary>
/// A page number as the lists use it: from 1 to <see cref="Last"/>, so that the offset (page - 1) × size never
/// overflows into a negative one, which PostgreSQL refuses (review L8); past the end, a page is simply empty.
/// </summary>
internal static class PageNumber
{
    public const int Last = 100_000;

    public static int Within(int page) => Math.Clamp(page, 1, Last);
}
