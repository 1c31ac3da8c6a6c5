using System.Reflection;
using System.Runtime.CompilerServices;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PatientPortal.BuildingBlocks.Messaging;
using Quartz;

namespace PatientPortal.ArchitectureTests.Rules;

/// <summary>Rules 5 and 6: what a kind of type must look like, checked with reflection on the loaded types.</summary>
internal static class TypeRules
{
    /// <summary>
    /// Rule 5: a module's handlers, validators, DbContexts and entities are its own business: public, they would let
    /// another assembly bypass its Contracts. EF's generated migrations and the module's entry class are public by design.
    /// </summary>
    public static IReadOnlyList<string> ModuleInternalsAreNotPublic(Assembly module)
    {
        var types = module.GetTypes();
        var entryClass = Architecture.EntryClassOf(Architecture.ModuleOf(module.GetName().Name!)!);
        var entities = types.Where(IsDbContext).SelectMany(EntitiesOf).Where(entity => entity.Assembly == module).ToHashSet();
        return
        [
            .. from type in types
               where type.IsVisible && type.FullName != entryClass && type.Namespace?.Contains(".Migrations", StringComparison.Ordinal) != true
               let kind = KindOf(type, entities)
               where kind is not null
               select $"{type.FullName} is public but is {kind}: make it internal",
        ];
    }

    /// <summary>Rule 6a: an integration event is a fact that travels as JSON to other modules, so nobody may change it.</summary>
    public static IReadOnlyList<string> IntegrationEventsAreImmutableRecords(IEnumerable<Type> types) =>
    [
        .. types.Where(type => !type.IsAbstract && type.IsSubclassOf(typeof(IntegrationEvent))).SelectMany(MutabilityOf),
    ];

    /// <summary>Rule 6b: two overlapping runs of a job would deliver the same events or mail twice.</summary>
    public static IReadOnlyList<string> JobsDisallowConcurrentExecution(IEnumerable<Type> types) =>
    [
        .. from type in types
           where type is { IsClass: true, IsAbstract: false } && typeof(IJob).IsAssignableFrom(type)
           where !type.IsDefined(typeof(DisallowConcurrentExecutionAttribute), inherit: true)
           select $"{type.FullName} is a Quartz job without [DisallowConcurrentExecution]",
    ];

    private static string? KindOf(Type type, HashSet<Type> entities) =>
        Implements(type, typeof(IRequestHandler<,>)) || Implements(type, typeof(INotificationHandler<>)) ? "a handler"
        : Implements(type, typeof(IValidator<>)) ? "a validator"
        : IsDbContext(type) ? "a DbContext"
        : entities.Contains(type) || type.Namespace?.Split('.').Contains("Domain") == true ? "an entity"
        : null;

    private static bool Implements(Type type, Type genericInterface) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == genericInterface);

    private static bool IsDbContext(Type type) => typeof(DbContext).IsAssignableFrom(type);

    // The T of every DbSet<T> the context declares (the model's other entities live in a Domain namespace).
    private static IEnumerable<Type> EntitiesOf(Type context) =>
        from property in context.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
        where property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>)
        select property.PropertyType.GetGenericArguments()[0];

    private static IEnumerable<string> MutabilityOf(Type integrationEvent)
    {
        // The compiler gives every record a "<Clone>$" method (what `with` calls).
        if (integrationEvent.GetMethod("<Clone>$") is null)
        {
            yield return $"{integrationEvent.FullName} is not a record";
        }

        foreach (var property in integrationEvent.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            {
                yield return $"{integrationEvent.FullName}.{property.Name} has a public setter: make it init";
            }
        }

        foreach (var field in integrationEvent.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly))
        {
            yield return $"{integrationEvent.FullName}.{field.Name} is a public writable field";
        }
    }

    // An init accessor is a setter whose return carries the IsExternalInit modifier.
    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
