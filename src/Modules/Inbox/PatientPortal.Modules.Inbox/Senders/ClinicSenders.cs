using PatientPortal.Modules.Appointments.Contracts;

namespace PatientPortal.Modules.Inbox.Senders;

/// <summary>
/// The sender and the site staff chose, by id, checked against the clinic's active practitioners and sites. Those are
/// Appointments', asked at this instant (staff only, ADR 0017): the form's value is never trusted, and a practitioner
/// deactivated meanwhile is refused. The names returned are kept with the message as they are now.
/// </summary>
internal sealed class ClinicSenders(IMediator mediator)
{
    /// <summary>
    /// <paramref name="practitionerId"/> null: the clinic's administration. <paramref name="siteId"/> null: no site is
    /// asked for (writing again in a thread); otherwise it must be an active site. Both refusals at once, by field.
    /// </summary>
    public async Task<Result<Chosen>> ChooseAsync(Guid? practitionerId, Guid? siteId, CancellationToken cancellationToken)
    {
        var clinic = await mediator.Send(new ListActivePractitionersAndSites(), cancellationToken);
        if (clinic.IsFailure)
        {
            return Result.Failure<Chosen>([.. clinic.Errors]);
        }

        var errors = new List<Error>(2);
        var sender = Sender.Administration;
        if (practitionerId is { } id)
        {
            if (clinic.Value.Practitioners.FirstOrDefault(p => p.Id == id) is { } practitioner)
            {
                sender = new Sender(practitioner.Id, practitioner.Name);
            }
            else
            {
                errors.Add(new Error(InboxErrors.UnknownSender, nameof(ComposeCommunication.FromPractitionerId)));
            }
        }

        var site = siteId is null ? null : clinic.Value.Sites.FirstOrDefault(s => s.Id == siteId);
        if (siteId is not null && site is null)
        {
            errors.Add(new Error(InboxErrors.UnknownSite, nameof(ComposeCommunication.SiteId)));
        }

        return errors.Count > 0 ? Result.Failure<Chosen>([.. errors]) : new Chosen(sender, site);
    }
}

/// <summary>The sender, and the site when one was asked for.</summary>
internal sealed record Chosen(Sender Sender, CatalogName? Site);
