namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>
/// One choice of a wizard step (a specialty, a practitioner, a site, a type), named in the reader's language; a type
/// also has its duration and, for the emergency categories, the guide's description line. <see cref="Assigned"/>: the
/// profile's assigned practitioner (listed first).
/// </summary>
public sealed record WizardChoice(Guid Id, string Name, string? Description = null, int? DurationMinutes = null, bool Assigned = false);

/// <summary>A free time of the grid: its start (UTC; the server looks it up again when it is booked) and with whom.</summary>
public sealed record AvailableSlot(Guid PractitionerId, string PractitionerName, DateTimeOffset StartUtc);

/// <summary>A day of the weekly grid (clinic day): its Morning and Afternoon slots; both empty is "No Availability".</summary>
public sealed record AvailabilityDay(DateOnly Day, IReadOnlyList<AvailableSlot> Morning, IReadOnlyList<AvailableSlot> Afternoon)
{
    public bool None => Morning.Count == 0 && Afternoon.Count == 0;
}

/// <summary>
/// A week of the grid, Monday to Sunday (clinic days), with the arrows' weeks (null where there is nothing to go to: the
/// past, beyond the booking horizon). <see cref="NothingUntilHorizon"/>: no free time at all from the asked day on.
/// </summary>
public sealed record AvailabilityWeek(
    DateOnly FirstDay, IReadOnlyList<AvailabilityDay> Days, DateOnly? PreviousWeek, DateOnly? NextWeek, bool NothingUntilHorizon);
