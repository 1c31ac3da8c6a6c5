namespace PatientPortal.Modules.Appointments.Domain;

/// <summary>
/// A weekly block of bookable time: a practitioner at a site, on a day of the week, from a local start to a local end
/// (clinic time), offering the listed types, with a slot starting every <see cref="SlotMinutes"/>. Effective from a day,
/// until an optional last day, so a new template can follow an old one.
/// </summary>
internal sealed class ScheduleBlock
{
    private readonly List<OfferedType> _types = [];

    private ScheduleBlock() { }

    public Guid Id { get; private set; }
    public Guid PractitionerId { get; private set; }
    public Guid SiteId { get; private set; }
    public DayOfWeek Day { get; private set; }
    public TimeOnly Start { get; private set; }
    public TimeOnly End { get; private set; }
    public int SlotMinutes { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public DateOnly? EffectiveUntil { get; private set; }
    public IReadOnlyList<OfferedType> Types => _types;

    public static ScheduleBlock Create(
        Guid practitionerId, Guid siteId, DayOfWeek day, TimeOnly start, TimeOnly end, int slotMinutes, IEnumerable<Guid> typeIds,
        DateOnly effectiveFrom, DateOnly? effectiveUntil = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slotMinutes, 5);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        var block = new ScheduleBlock
        {
            Id = Guid.CreateVersion7(), PractitionerId = practitionerId, SiteId = siteId, Day = day, Start = start, End = end,
            SlotMinutes = slotMinutes, EffectiveFrom = effectiveFrom, EffectiveUntil = effectiveUntil,
        };
        block._types.AddRange(typeIds.Distinct().Select(t => new OfferedType(t)));
        return block;
    }

    public bool Offers(Guid typeId) => _types.Any(t => t.AppointmentTypeId == typeId);

    public bool AppliesOn(DateOnly day) => day.DayOfWeek == Day && day >= EffectiveFrom && (EffectiveUntil is null || day <= EffectiveUntil);
}

internal sealed record OfferedType(Guid AppointmentTypeId);

/// <summary>
/// Days without appointments: a holiday for the whole clinic (no practitioner, no site), a site's closure, or a
/// practitioner's leave. Whole days in clinic time, first and last included.
/// </summary>
internal sealed class ScheduleException
{
    private ScheduleException() { }

    public Guid Id { get; private set; }
    public Guid? PractitionerId { get; private set; }
    public Guid? SiteId { get; private set; }
    public DateOnly FirstDay { get; private set; }
    public DateOnly LastDay { get; private set; }

    /// <summary>For staff only ("Christmas", "Leave"); patients see "No Availability".</summary>
    public string Label { get; private set; } = "";

    public static ScheduleException Create(Guid? practitionerId, Guid? siteId, DateOnly firstDay, DateOnly lastDay, string label) => new()
    {
        Id = Guid.CreateVersion7(), PractitionerId = practitionerId, SiteId = siteId, FirstDay = firstDay, LastDay = lastDay, Label = label.Trim(),
    };

    public bool Closes(Guid practitionerId, Guid siteId, DateOnly day) =>
        day >= FirstDay && day <= LastDay && (PractitionerId is null || PractitionerId == practitionerId) && (SiteId is null || SiteId == siteId);
}
