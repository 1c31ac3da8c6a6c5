using FluentValidation;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.BuildingBlocks.Results;
using Shouldly;

namespace PatientPortal.BuildingBlocks.Tests.Messaging;

public sealed class ValidationBehaviorTests
{
    public sealed record Rename(string Name) : IRequest<Result<string>>;

    public sealed record Count(string Name) : IRequest<int>;

    internal sealed class RenameValidator : AbstractValidator<Rename>
    {
        public RenameValidator()
        {
            RuleFor(r => r.Name).NotEmpty().WithErrorCode("Testing.NameRequired").MaximumLength(10);
        }
    }

    internal sealed class CountValidator : AbstractValidator<Count>
    {
        public CountValidator() => RuleFor(r => r.Name).NotEmpty();
    }

    public sealed record Book(DateOnly Day) : IRequest<Result<DateOnly>>;

    internal sealed class BookValidator : AbstractValidator<Book>
    {
        public BookValidator(ClinicCalendar calendar) =>
            RuleFor(r => r.Day).Must(day => day >= calendar.Today).WithErrorCode("Testing.PastDay");
    }

    internal sealed class BookHandler : IRequestHandler<Book, Result<DateOnly>>
    {
        public Task<Result<DateOnly>> Handle(Book request, CancellationToken cancellationToken) =>
            Task.FromResult<Result<DateOnly>>(request.Day);
    }

    internal sealed class RenameHandler(Calls calls) : IRequestHandler<Rename, Result<string>>
    {
        public Task<Result<string>> Handle(Rename request, CancellationToken cancellationToken)
        {
            calls.Count++;
            return Task.FromResult<Result<string>>(request.Name.ToUpperInvariant());
        }
    }

    internal sealed class CountHandler : IRequestHandler<Count, int>
    {
        public Task<int> Handle(Count request, CancellationToken cancellationToken) => Task.FromResult(request.Name.Length);
    }

    internal sealed class Calls
    {
        public int Count { get; set; }
    }

    private static (IMediator Mediator, Calls Calls) Mediator()
    {
        var services = new ServiceCollection()
            .AddSingleton<Calls>()
            .AddBuildingBlocks(new ConfigurationBuilder().Build())
            .AddMediatorHandlersFrom(typeof(ValidationBehaviorTests).Assembly)
            .BuildServiceProvider();
        return (services.GetRequiredService<IMediator>(), services.GetRequiredService<Calls>());
    }

    [Fact]
    public async Task A_valid_request_reaches_its_handler()
    {
        var (mediator, calls) = Mediator();

        var result = await mediator.Send(new Rename("ada"));

        result.IsSuccess.ShouldBeTrue();
        result.Value.ShouldBe("ADA");
        calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_invalid_request_comes_back_as_a_failure_with_the_rule_s_message_key_and_never_reaches_the_handler()
    {
        var (mediator, calls) = Mediator();

        var result = await mediator.Send(new Rename(""));

        result.IsFailure.ShouldBeTrue();
        result.Errors.ShouldBe([new Error("Testing.NameRequired", "Name")]);
        calls.Count.ShouldBe(0);
        Should.Throw<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public async Task A_built_in_rule_without_a_code_gets_a_generic_validation_key()
    {
        var (mediator, _) = Mediator();

        var result = await mediator.Send(new Rename("a name far too long"));

        result.Errors.ShouldBe([new Error("Validation.MaximumLength", "Name")]);
    }

    [Fact]
    public async Task An_invalid_request_whose_response_is_not_a_result_throws()
    {
        var (mediator, _) = Mediator();

        var failure = await Should.ThrowAsync<ValidationException>(() => mediator.Send(new Count("")));

        failure.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Name");
        (await mediator.Send(new Count("four"))).ShouldBe(4);
    }

    [Fact]
    public async Task A_validator_is_made_once_for_every_request_and_still_reads_today_at_each_one()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 16, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<Calls>()
            .AddBuildingBlocks(configuration)
            .AddMediatorHandlersFrom(typeof(ValidationBehaviorTests).Assembly)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var first = services.CreateScope();
        using var second = services.CreateScope();
        first.ServiceProvider.GetRequiredService<IValidator<Book>>().ShouldBeSameAs(second.ServiceProvider.GetRequiredService<IValidator<Book>>());

        var today = services.GetRequiredService<ClinicCalendar>().Today;
        (await first.ServiceProvider.GetRequiredService<IMediator>().Send(new Book(today))).IsSuccess.ShouldBeTrue();

        clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = await second.ServiceProvider.GetRequiredService<IMediator>().Send(new Book(today));
        tomorrow.Errors.ShouldBe([new Error("Testing.PastDay", "Day")]);
    }
}
