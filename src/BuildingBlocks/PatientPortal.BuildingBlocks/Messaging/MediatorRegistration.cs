using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PatientPortal.BuildingBlocks.Messaging;

/// <summary>
/// MediatR 5.1.0 has no DI extension package (docs/adr/0002): this registers the mediator once and scans each
/// module's assembly for its handlers; FluentValidation's own extension registers the validators.
/// </summary>
public static class MediatorRegistration
{
    private static readonly Type[] HandlerInterfaces =
        [typeof(IRequestHandler<,>), typeof(INotificationHandler<>)];

    public static IServiceCollection AddMediatorHandlersFrom(this IServiceCollection services, Assembly assembly)
    {
        services.TryAddScoped<ServiceFactory>(sp => sp.GetService!);
        services.TryAddScoped<IMediator, SequentialMediator>();
        services.TryAddEnumerable(ServiceDescriptor.Transient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>)));
        services.TryAddEnumerable(ServiceDescriptor.Transient(typeof(IPipelineBehavior<,>), typeof(StillConflictingBehavior<,>)));
        // Singletons: a validator builds its rules in its constructor, which showed in the dashboard's profile when every
        // request made its own, and holds nothing else. What changes, such as today's date, is read inside the rules.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(IsHandlerInterface))
            {
                services.TryAddEnumerable(ServiceDescriptor.Transient(contract, type));
            }
        }

        return services;
    }

    private static bool IsHandlerInterface(Type candidate) =>
        candidate.IsGenericType && HandlerInterfaces.Contains(candidate.GetGenericTypeDefinition());
}

/// <summary>
/// Runs notification handlers one after the other. MediatR 5's default awaits them all at once, but handlers of one
/// module share a scoped DbContext, which must never be used by two handlers at the same time. The handler tasks
/// are produced lazily, so each starts only when the previous one has finished.
/// </summary>
internal sealed class SequentialMediator(ServiceFactory serviceFactory) : Mediator(serviceFactory)
{
    protected override async Task PublishCore(IEnumerable<Task> allHandlers)
    {
        foreach (var handler in allHandlers)
        {
            await handler;
        }
    }
}
