namespace PatientPortal.Modules.Activity;

/// <summary>The timeline's settings, the "Activity" configuration section.</summary>
internal sealed class ActivityOptions
{
    public const string Section = "Activity";

    /// <summary>How long a line is kept (ADR 0018): the column shows the newest few; older lines are deleted daily.</summary>
    public int KeepDays { get; set; } = 365;
}
