using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.BuildingBlocks.Results;
using Shouldly;

namespace PatientPortal.BuildingBlocks.Tests.Messaging;

/// <summary>A write that still conflicts after its handler's retries: a message for Result requests, an exception otherwise.</summary>
public sealed class StillConflictingBehaviorTests
{
    public sealed record Save : IRequest<Result>;

    public sealed record SaveAndCount : IRequest<int>;

    internal sealed class SaveHandler : IRequestHandler<Save, Result>
    {
        public Task<Result> Handle(Save request, CancellationToken cancellationToken) => throw new DbUpdateConcurrencyException("raced");
    }

    internal sealed class SaveAndCountHandler : IRequestHandler<SaveAndCount, int>
    {
        public Task<int> Handle(SaveAndCount request, CancellationToken cancellationToken) => throw new DbUpdateConcurrencyException("raced");
    }

    private static IMediator Mediator() => new ServiceCollection()
        .AddBuildingBlocks(new ConfigurationBuilder().Build())
        .AddMediatorHandlersFrom(typeof(StillConflictingBehaviorTests).Assembly)
        .BuildServiceProvider()
        .GetRequiredService<IMediator>();

    [Fact]
    public async Task A_result_request_whose_write_still_conflicts_is_answered_busy()
    {
        (await Mediator().Send(new Save())).Errors.ShouldBe([Error.Busy]);
    }

    [Fact]
    public async Task Any_other_request_lets_the_conflict_through()
    {
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => Mediator().Send(new SaveAndCount()));
    }
}
