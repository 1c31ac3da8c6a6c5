namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>The Appointments module's expected failures; the host shows each as a localized message of the same key.</summary>
public static class AppointmentsErrors
{
    /// <summary>No such appointment for this account (another family's id gets this too: no tell).</summary>
    public const string NotFound = "Appointments.NotFound";

    public const string SlotTaken = "Appointments.SlotTaken";
    public const string SlotInPast = "Appointments.SlotInPast";
    public const string SlotBeyondHorizon = "Appointments.SlotBeyondHorizon";
    public const string TypeNotBookableOnline = "Appointments.TypeNotBookableOnline";
    public const string ReasonTooLong = "Appointments.ReasonTooLong";
    public const string TooManyUpcoming = "Appointments.TooManyUpcoming";
    public const string ConfirmNotYetOpen = "Appointments.ConfirmNotYetOpen";
    public const string CancelWindowClosed = "Appointments.CancelWindowClosed";
    public const string NoLongerActive = "Appointments.NoLongerActive";

    // issue 9: email links
    /// <summary>An email link that is tampered with, expired, for the other action, or for an appointment that has changed since.</summary>
    public const string LinkInvalid = "Appointments.LinkInvalid";
}
