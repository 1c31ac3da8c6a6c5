using System.Globalization;

namespace PatientPortal.Modules.Appointments.Domain;

/// <summary>What the clinic admin slices share: the limits, a text in both languages, and the mapping to views.</summary>
internal static class ClinicAdminRules
{
    public const int MinDurationMinutes = 5;
    public const int MaxDurationMinutes = 480;
    public const int MinSlotMinutes = 5;
    public const int MaxSlotMinutes = 240;

    public static string[] Range(int min, int max) => [min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture)];

    /// <summary>A required name: both languages given, each at most <paramref name="maxLength"/> characters.</summary>
    public static void Required<T>(IRuleBuilder<T, LocalizedName?> rule, int maxLength) =>
        rule.Must(n => n is not null && !string.IsNullOrWhiteSpace(n.En) && !string.IsNullOrWhiteSpace(n.Fr))
            .WithErrorCode(AppointmentsErrors.NamesInBothLanguages)
            .Must(n => n is null || ((n.En?.Trim().Length ?? 0) <= maxLength && (n.Fr?.Trim().Length ?? 0) <= maxLength))
            .WithErrorCode("MaximumLengthValidator");

    /// <summary>An optional text: none, or both languages, each at most <paramref name="maxLength"/> characters.</summary>
    public static void Optional<T>(IRuleBuilder<T, LocalizedName?> rule, int maxLength) =>
        rule.Must(n => n is null || string.IsNullOrWhiteSpace(n.En) == string.IsNullOrWhiteSpace(n.Fr))
            .WithErrorCode(AppointmentsErrors.TextInBothLanguages)
            .Must(n => n is null || ((n.En?.Trim().Length ?? 0) <= maxLength && (n.Fr?.Trim().Length ?? 0) <= maxLength))
            .WithErrorCode("MaximumLengthValidator");

    public static LocalizedText ToText(LocalizedName name) => new(name.En.Trim(), name.Fr.Trim());

    /// <summary>Null when both languages are blank.</summary>
    public static LocalizedText? ToOptionalText(LocalizedName? name) =>
        name is null || string.IsNullOrWhiteSpace(name.En) ? null : ToText(name);

    public static LocalizedName ToName(LocalizedText text) => new(text.En, text.Fr);

    public static LocalizedName? ToOptionalName(LocalizedText? text) => text is null ? null : ToName(text);
}
