using MediatR;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.Modules.Inbox;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Bench.Inbox;

internal static class BenchServices
{
    /// <summary>
    /// The module as the portal composes it (pooled context, MediatR, its handlers, the system clock), with the other
    /// modules' answers stood in: Profiles says yes to every access check (its cost is bench/AccessCheck's) and takes
    /// the trail's records without writing them (its cost is Profiles').
    /// </summary>
    public static ServiceProvider Build(BenchDatabase database) => database.PortalServices(out var configuration)
        .AddSingleton<IPortalLinks, BenchLinks>()
        .AddInboxModule(configuration)
        .AddTransient<IRequestHandler<MayActFor, bool>, OtherModules>()
        .AddTransient<IRequestHandler<RecordProfileRead, Unit>, OtherModules>()
        .BuildServiceProvider();
}

internal sealed class OtherModules : IRequestHandler<MayActFor, bool>, IRequestHandler<RecordProfileRead, Unit>
{
    public Task<bool> Handle(MayActFor request, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<Unit> Handle(RecordProfileRead request, CancellationToken cancellationToken) => Task.FromResult(Unit.Value);
}

internal sealed class BenchLinks : IPortalLinks
{
    public Uri To(string pathAndQuery) => new(new Uri("https://portal.example/"), pathAndQuery.TrimStart('/'));
}
