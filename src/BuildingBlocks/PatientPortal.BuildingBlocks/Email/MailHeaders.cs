using System.Net.Mail;

namespace PatientPortal.BuildingBlocks.Email;

/// <summary>Guards what ends up in mail headers: no CR/LF (header injection), and one valid address.</summary>
public static class MailHeaders
{
    public static string SingleLine(string value) =>
        string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static string Address(string value)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0 || !MailAddress.TryCreate(value.Trim(), out var address) || address.DisplayName.Length > 0)
        {
            throw new ArgumentException("Not a single plain email address.", nameof(value));
        }

        return address.Address;
    }
}
