using MimeKit;

namespace PatientPortal.BuildingBlocks.Email;

/// <summary>Guards what ends up in mail headers: no CR/LF (header injection), and one valid address.</summary>
public static class MailHeaders
{
    private static readonly ParserOptions Strict = new() { AllowAddressesWithoutDomain = false, AddressParserComplianceMode = RfcComplianceMode.Strict };

    public static string SingleLine(string value) =>
        string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static string Address(string value) =>
        TryAddress(value, out var address) ? address : throw new ArgumentException("Not a single plain email address.", nameof(value));

    /// <summary>
    /// True for exactly one bare address (no display name, no group, no line break), given back trimmed. An
    /// internationalized domain may be written in Unicode or in its IDN (xn--) form.
    /// </summary>
    public static bool TryAddress(string? value, out string address)
    {
        address = value?.Trim() ?? "";
        return address.Length > 0
            && address.AsSpan().IndexOfAny('\r', '\n') < 0
            && MailboxAddress.TryParse(Strict, address, out var mailbox)
            && string.IsNullOrEmpty(mailbox.Name)
            && (mailbox.Address == address || mailbox.GetAddress(idnEncode: true) == address);
    }
}
