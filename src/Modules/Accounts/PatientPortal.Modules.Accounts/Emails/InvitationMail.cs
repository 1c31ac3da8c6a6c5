using System.Globalization;

namespace PatientPortal.Modules.Accounts.Emails;

/// <summary>
/// Issues a fresh link and code for an invitation and queues its email (invite and re-send). The email carries the link
/// only: the clinic code travels another way (staff hand it over), so one misdirected email cannot claim the record.
/// </summary>
internal sealed class InvitationMail(AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
{
    /// <returns>The random clinic code to show staff once, or null in the Quebec variant (the patient knows their code).</returns>
    public string? Send(AccountsDbContext db, Invitation invitation)
    {
        var token = Secrets.NewToken();
        var randomCode = invitation.QuebecVariant ? null : Secrets.NewCode();
        invitation.Send(Secrets.Hash(token), Secrets.HashCode(invitation.Id, invitation.ExpectedCode(randomCode)), options.Value.InvitationLifetime, clock.GetUtcNow());
        var template = invitation.QuebecVariant ? (invitation.CodeIsDateOfBirth ? "InvitationQuebecBirthDate" : "InvitationQuebecCard") : "Invitation";
        mail.Queue(db, invitation.Email, invitation.Language, template,
            ("Name", invitation.FirstName), ("Link", mail.Link(AccountLink.Invitation, token)),
            ("Days", ((int)options.Value.InvitationLifetime.TotalDays).ToString(CultureInfo.InvariantCulture)));
        return randomCode;
    }
}
