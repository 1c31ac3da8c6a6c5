using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace PatientPortal.Modules.Appointments.Domain;

/// <summary>
/// The Confirm and Cancel links' tokens: signed and encrypted by ASP.NET Core Data Protection (the portal's key ring,
/// shared by every instance), with a purpose per action, so a Cancel token never confirms and the other way round.
/// The payload is the appointment's id, its calendar <see cref="Appointment.Sequence"/> (once the appointment changes,
/// a cancellation bumps it, its old links no longer open), the expiry (the appointment's start: until then the page
/// explains a closed window rather than calling the link bad), and the account the email was sent to: each use asks
/// Profiles whether that account may still act for the profile (<see cref="EmailLinkAppointment"/>), so the link of a
/// proxy whose access has ended opens nothing.
/// <para>
/// Not <c>ITimeLimitedDataProtector</c>: it checks the expiry against the machine's clock, while every window of the
/// portal is the portal's <see cref="TimeProvider"/> (the one the test-only clock moves). The expiry is therefore
/// inside the protected payload and checked here against that clock: same protection (the payload is authenticated),
/// one clock. A token says nothing readable: no id, no date, nothing of health.
/// </para>
/// </summary>
internal sealed class EmailLinkTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    private const string Purpose = "PatientPortal.Appointments.EmailLink.v2";

    /// <summary>A link for <paramref name="recipient"/>, the account the email goes to.</summary>
    public string Issue(Appointment appointment, EmailAction action, Guid recipient) =>
        Protector(action).Protect(string.Join('.',
            appointment.Id.ToString("N"),
            appointment.Sequence.ToString(CultureInfo.InvariantCulture),
            appointment.StartUtc.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            recipient.ToString("N")));

    /// <summary>What a token names, or null for anything not issued by <see cref="Issue"/> for this action, or expired.</summary>
    public EmailLink? Read(string? token, EmailAction action)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        string payload;
        try
        {
            payload = Protector(action).Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null; // tampered, another purpose, or another key ring
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = payload.Split('.');
        return parts.Length == 4 && Guid.TryParseExact(parts[0], "N", out var id)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && Guid.TryParseExact(parts[3], "N", out var recipient)
            && clock.GetUtcNow() < DateTimeOffset.FromUnixTimeSeconds(expires)
            ? new EmailLink(id, sequence, recipient)
            : null;
    }

    private IDataProtector Protector(EmailAction action) => protection.CreateProtector(Purpose, action.ToString());
}

/// <summary>The appointment a link names, as the email knew it, and the account the email was sent to.</summary>
internal sealed record EmailLink(Guid AppointmentId, int Sequence, Guid Recipient);
