using System.Collections.Concurrent;
using System.Reflection;
using Mono.Cecil;

namespace PatientPortal.ArchitectureTests.Rules;

/// <summary>
/// The portal's assemblies, found by name in the test's output folder (the host reference copies them all there):
/// read with Mono.Cecil to see what they use, or loaded with reflection to see what their types are.
/// </summary>
internal static class Architecture
{
    public const string BuildingBlocks = "PatientPortal.BuildingBlocks";
    public const string Host = "PatientPortal.Host";

    private const string ModulePrefix = "PatientPortal.Modules.";
    private const string ContractsSuffix = ".Contracts";

    // The deliberately broken modules under tests/ArchitectureFixtures: only the fixture tests pass them to the rules.
    private const string FixturePrefix = "PatientPortal.Modules.Fixture";

    private static readonly ConcurrentDictionary<string, AssemblyDefinition> Definitions = new();

    /// <summary>The real modules (Accounts, Profiles, …), named after the assemblies in the output folder.</summary>
    public static IReadOnlyList<string> Modules { get; } =
    [
        .. Directory.EnumerateFiles(AppContext.BaseDirectory, ModulePrefix + "*.dll")
            .Select(file => Path.GetFileNameWithoutExtension(file))
            .Where(name => !name.StartsWith(FixturePrefix, StringComparison.Ordinal))
            .Select(name => ModuleOf(name)!)
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    public static IEnumerable<string> Implementations => Modules.Select(ImplementationOf);

    public static IEnumerable<string> Contracts => Modules.Select(ContractsOf);

    public static IEnumerable<string> ModuleAssemblies => Implementations.Concat(Contracts);

    public static IEnumerable<string> PortalAssemblies => ModuleAssemblies.Prepend(Host).Prepend(BuildingBlocks);

    public static string ImplementationOf(string module) => ModulePrefix + module;

    public static string ContractsOf(string module) => ModulePrefix + module + ContractsSuffix;

    /// <summary>The module's public static class, whose Add{Module}Module is the host's only way in.</summary>
    public static string EntryClassOf(string module) => $"{ModulePrefix}{module}.{module}Module";

    /// <summary>"PatientPortal.Modules.Accounts.Contracts" → "Accounts"; null for an assembly that belongs to no module.</summary>
    public static string? ModuleOf(string assembly) =>
        assembly.StartsWith(ModulePrefix, StringComparison.Ordinal) ? assembly[ModulePrefix.Length..].Split('.')[0] : null;

    public static bool IsContracts(string assembly) => assembly.EndsWith(ContractsSuffix, StringComparison.Ordinal);

    /// <summary>The assembly's metadata, as written: what it references, not only what a loaded type exposes.</summary>
    public static AssemblyDefinition Read(string assembly) =>
        Definitions.GetOrAdd(assembly, name => AssemblyDefinition.ReadAssembly(Path.Combine(AppContext.BaseDirectory, name + ".dll")));

    /// <summary>The assembly's types, loaded, for rules about what a type is (its base types, interfaces, visibility).</summary>
    public static Type[] TypesOf(string assembly) => Assembly.Load(assembly).GetTypes();
}
