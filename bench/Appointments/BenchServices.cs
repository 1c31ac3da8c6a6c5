using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Appointments;
using PatientPortal.Modules.Appointments.Contracts;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Bench.Appointments;

internal static class BenchServices
{
    /// <summary>
    /// The module as the portal composes it (pooled context, MediatR, its handlers, the system clock), with the other
    /// modules' answers stood in: Profiles says yes to every access check (its cost is bench/AccessCheck's), and names one
    /// recipient per profile, so a booking queues its confirmation email with the calendar file, as in the portal.
    /// </summary>
    public static ServiceProvider Build(BenchDatabase database) => database.PortalServices(out var configuration)
        .AddSingleton<IPortalLinks, BenchLinks>()
        .AddAppointmentsModule(configuration)
        .AddTransient<IRequestHandler<MayActFor, bool>, OtherModules>()
        .AddTransient<IRequestHandler<ListNotificationRecipients, NotificationRecipients>, OtherModules>()
        .AddTransient<IRequestHandler<GetAccountContacts, IReadOnlyList<AccountContact>>, OtherModules>()
        .AddSingleton<IAppointmentLinks, BenchLinks>()
        .AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider())
        .BuildServiceProvider();
}

internal sealed class OtherModules
    : IRequestHandler<MayActFor, bool>, IRequestHandler<ListNotificationRecipients, NotificationRecipients>,
      IRequestHandler<GetAccountContacts, IReadOnlyList<AccountContact>>
{
    public Task<bool> Handle(MayActFor request, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<NotificationRecipients> Handle(ListNotificationRecipients request, CancellationToken cancellationToken) =>
        Task.FromResult(new NotificationRecipients("Bench", [BenchAccount.Id]));

    public Task<IReadOnlyList<AccountContact>> Handle(GetAccountContacts request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AccountContact>>([new AccountContact(BenchAccount.Id, "patient@example.com", "en-CA")]);
}

internal sealed class BenchLinks : IPortalLinks, IAppointmentLinks
{
    public Uri To(string pathAndQuery) => new(new Uri("https://portal.example/"), pathAndQuery.TrimStart('/'));

    public string PathOf(AppointmentLink link) => link == AppointmentLink.EmailConfirm ? "/appointments/email/confirm" : "/appointments/email/cancel";
}
