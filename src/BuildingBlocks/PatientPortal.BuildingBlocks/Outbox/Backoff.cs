namespace PatientPortal.BuildingBlocks.Outbox;

/// <summary>Retry spacing for outbox and mail delivery: 30 s, 1 min, 2 min … capped at one hour.</summary>
internal static class Backoff
{
    public static TimeSpan After(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    // Error text is for staff and logs: the type and message only, never a payload.
    public static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}";
        return text.Length <= 2000 ? text : text[..2000];
    }
}
