using System.Text.RegularExpressions;
using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Extensions;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Predicates;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using PatientPortal.BuildingBlocks.Messaging;
using Quartz;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static PatientPortal.ArchitectureTests.Rules.Portal;

namespace PatientPortal.ArchitectureTests.Rules;

/// <summary>Rules 5, 6 and 8: what a kind of type must look like.</summary>
internal static class TypeRules
{
    /// <summary>
    /// Rule 5: a module's handlers, validators, DbContexts and entities are its own business: public, they would let
    /// another assembly bypass its Contracts.
    /// </summary>
    public static IArchRule HandlersValidatorsDbContextsAndEntitiesAreNotPublic(IEnumerable<string> modules) =>
        Types().That().AreAssignableTo(typeof(IRequestHandler<,>), typeof(INotificationHandler<>), typeof(IValidator<>), typeof(DbContext))
            .Or().ResideInNamespaceMatching(@"\.Domain(\.|$)")
            .Or().FollowCustomPredicate(new ArchitecturePredicate<IType>(IsEntityOfADbContext, "are entities of a DbContext"))
            .And().ResideInAssemblyMatching(ImplementationOfAny(modules))
            .And().FollowCustomPredicate(SeenOutsideTheirAssemblyIfPublic)
            .Should().NotBePublic()
            .Because("a public handler, validator, DbContext or entity would let another assembly bypass the module's Contracts");

    /// <summary>
    /// Rule 8: a module's public face is its entry class (Add{Module}Module) and its options, bound from configuration.
    /// EF's migrations are left out: `dotnet ef migrations add` writes them public, and they offer nothing to call.
    /// </summary>
    public static IArchRule ModuleTypesAreNotPublicButItsEntryClassAndOptions(IEnumerable<string> modules) =>
        Types().That().ResideInAssemblyMatching(ImplementationOfAny(modules))
            .And().DoNotHaveFullNameMatching(EntryClassOrOptions)
            .And().AreNotAssignableTo(typeof(Migration))
            .And().FollowCustomPredicate(SeenOutsideTheirAssemblyIfPublic)
            .Should().NotBePublic()
            .Because("another module or the host may only use a module's Contracts, its Add{Module}Module and its options");

    /// <summary>Rule 6a: an integration event is a fact that travels as JSON to other modules, so nobody may change it.</summary>
    public static IArchRule IntegrationEventsAreImmutableRecords() =>
        Classes().That().AreAssignableTo(typeof(IntegrationEvent))
            .Should().BeRecord().AndShould().BeImmutable()
            .Because("an integration event is a fact that other modules read later");

    /// <summary>Rule 6b: two overlapping runs of a job would deliver the same events or mail twice.</summary>
    public static IArchRule JobsDisallowConcurrentExecution() =>
        Classes().That().ImplementInterface(typeof(IJob)).And().AreNotAbstract()
            .Should().HaveAnyAttributes(typeof(DisallowConcurrentExecutionAttribute))
            .Because("two overlapping runs of a job would deliver the same events or mail twice");

    // "PatientPortal.Modules.Accounts.AccountsModule", "….Security.AccountsOptions" and the classes nested in an options class.
    private const string EntryClassOrOptions =
        @"^PatientPortal\.Modules\.(?<module>[^.]+)\.(\k<module>Module|([^+]+\.)?[^.+]+Options(\+.+)?)$";

    private static string ImplementationOfAny(IEnumerable<string> modules) =>
        $"^({string.Join('|', modules.Select(module => Regex.Escape(ImplementationOf(module))))}),";

    // ArchUnitNET's visibility is the declared one: a public class nested in an internal class is "public", yet no other
    // assembly can see it. Such types are left out, so that only what really is public is checked.
    private static readonly ArchitecturePredicate<IType> SeenOutsideTheirAssemblyIfPublic = new(
        (types, architecture) =>
        {
            var byQualifiedName = architecture.Types.ToDictionary(type => type.AssemblyQualifiedName);
            return types.Where(type => EnclosingTypeNames(type.FullName)
                .Select(enclosing => byQualifiedName.GetValueOrDefault(System.Reflection.Assembly.CreateQualifiedName(type.Assembly.FullName, enclosing)))
                .All(enclosing => enclosing is null || enclosing.Visibility == Visibility.Public));
        },
        "are not nested in a non-public type");

    // "A+B+C" → "A", "A+B".
    private static IEnumerable<string> EnclosingTypeNames(string fullName)
    {
        for (var plus = fullName.IndexOf('+', StringComparison.Ordinal); plus >= 0; plus = fullName.IndexOf('+', plus + 1))
        {
            yield return fullName[..plus];
        }
    }

    // The T of every DbSet<T> a DbContext declares.
    private static IEnumerable<IType> IsEntityOfADbContext(IEnumerable<IType> types, Architecture architecture)
    {
        var entities = architecture.Classes
            .Where(type => type.InheritedClasses.Any(inherited => inherited.FullName == typeof(DbContext).FullName))
            .SelectMany(context => context.GetPropertyMembers())
            .Where(property => property.Type.FullName == typeof(DbSet<>).FullName)
            .SelectMany(property => property.GenericArguments.Select(argument => argument.Type))
            .ToHashSet();
        return types.Where(entities.Contains);
    }
}
