using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Messaging;
using Shouldly;

namespace PatientPortal.BuildingBlocks.Tests.Messaging;

public sealed class SequentialPublishTests
{
    public sealed record Happened : INotification;

    internal sealed class Log
    {
        public List<string> Entries { get; } = [];
    }

    internal sealed class FirstHandler(Log log) : INotificationHandler<Happened>
    {
        public async Task Handle(Happened notification, CancellationToken cancellationToken)
        {
            log.Entries.Add("first started");
            await Task.Delay(50, cancellationToken);
            log.Entries.Add("first finished");
        }
    }

    internal sealed class SecondHandler(Log log) : INotificationHandler<Happened>
    {
        public Task Handle(Happened notification, CancellationToken cancellationToken)
        {
            log.Entries.Add("second started");
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Notification_handlers_run_one_after_the_other_because_they_may_share_a_DbContext()
    {
        var services = new ServiceCollection()
            .AddSingleton<Log>()
            .AddBuildingBlocks(new ConfigurationBuilder().Build())
            .AddMediatorHandlersFrom(typeof(SequentialPublishTests).Assembly)
            .BuildServiceProvider();

        await services.GetRequiredService<IMediator>().Publish(new Happened());

        services.GetRequiredService<Log>().Entries.ShouldBe(["first started", "first finished", "second started"]);
    }

    [Fact]
    public void Scanning_an_assembly_twice_registers_each_handler_once()
    {
        var services = new ServiceCollection()
            .AddMediatorHandlersFrom(typeof(SequentialPublishTests).Assembly)
            .AddMediatorHandlersFrom(typeof(SequentialPublishTests).Assembly);

        services.Count(d => d.ServiceType == typeof(INotificationHandler<Happened>)).ShouldBe(2);
    }
}
