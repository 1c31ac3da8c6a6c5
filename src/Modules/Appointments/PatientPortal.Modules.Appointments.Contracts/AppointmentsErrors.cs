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

    // issue 9: clinic admin (catalog and schedules)
    public const string NamesInBothLanguages = "Appointments.Admin.NamesInBothLanguages";
    public const string TextInBothLanguages = "Appointments.Admin.TextInBothLanguages";
    public const string AddressRequired = "Appointments.Admin.AddressRequired";
    public const string DurationOutOfRange = "Appointments.Admin.DurationOutOfRange";
    public const string SlotMinutesOutOfRange = "Appointments.Admin.SlotMinutesOutOfRange";
    public const string EndNotAfterStart = "Appointments.Admin.EndNotAfterStart";
    public const string LastDayBeforeFirst = "Appointments.Admin.LastDayBeforeFirst";
    public const string NoTypeOffered = "Appointments.Admin.NoTypeOffered";
    public const string NotAtSite = "Appointments.Admin.NotAtSite";
    public const string TypeOutsideSpecialties = "Appointments.Admin.TypeOutsideSpecialties";
    public const string SpecialtyRequired = "Appointments.Admin.SpecialtyRequired";
    public const string EmergencyHasNoSpecialty = "Appointments.Admin.EmergencyHasNoSpecialty";
    public const string PractitionerNeedsSite = "Appointments.Admin.PractitionerNeedsSite";
    public const string UnknownChoice = "Appointments.Admin.UnknownChoice";
    // issue 9: email links
    /// <summary>An email link that is tampered with, expired, for the other action, or for an appointment that has changed since.</summary>
    public const string LinkInvalid = "Appointments.LinkInvalid";
    // issue 9: review fixes
    /// <summary>A reason with control characters (anything but line breaks and tabs).</summary>
    public const string ReasonInvalidCharacters = "Appointments.ReasonInvalidCharacters";
    /// <summary>The profile already has an appointment overlapping that time (with any practitioner).</summary>
    public const string ProfileAlreadyBooked = "Appointments.ProfileAlreadyBooked";
    // issue 9: staff calendar
    /// <summary>Arrived from the appointment's clinic day on; no-show only once it has started.</summary>
    public const string AttendanceTooEarly = "Appointments.Staff.AttendanceTooEarly";

    /// <summary>Staff cancel only before the start; afterwards they record attendance.</summary>
    public const string AlreadyStarted = "Appointments.Staff.AlreadyStarted";
    public const string CancelNoteRequired = "Appointments.Staff.CancelNoteRequired";
    public const string CancelNoteTooLong = "Appointments.Staff.CancelNoteTooLong";

    /// <summary>Staff booking for a profile id that is no clinic record.</summary>
    public const string UnknownPatient = "Appointments.Staff.UnknownPatient";
}
