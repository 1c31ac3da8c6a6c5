using PatientPortal.BuildingBlocks.Persistence;

namespace PatientPortal.BuildingBlocks.Email;

public static class EmailQueueExtensions
{
    /// <summary>Queues the email in the module's database; it is saved by the same SaveChanges as the change that caused it.</summary>
    public static void QueueEmail(this ModuleDbContext db, string to, RenderedEmail email, TimeProvider clock) =>
        db.QueuedEmails.Add(QueuedEmail.Create(to, email, clock.GetUtcNow()));

    /// <summary>As <see cref="QueueEmail(ModuleDbContext, string, RenderedEmail, TimeProvider)"/>, with one attachment.</summary>
    public static void QueueEmail(this ModuleDbContext db, string to, RenderedEmail email, EmailAttachment attachment, TimeProvider clock) =>
        db.QueuedEmails.Add(QueuedEmail.Create(to, email, clock.GetUtcNow(), attachment));
}
