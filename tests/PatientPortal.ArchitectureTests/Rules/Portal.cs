using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using Assembly = System.Reflection.Assembly;

namespace PatientPortal.ArchitectureTests.Rules;

/// <summary>
/// The portal's assemblies, found by name in the test's output folder (the host reference copies them all there), and
/// the ArchUnitNET architecture read from them.
/// </summary>
internal static class Portal
{
    public const string BuildingBlocks = "PatientPortal.BuildingBlocks";
    public const string Host = "PatientPortal.Host";

    private const string ModulePrefix = "PatientPortal.Modules.";
    private const string ContractsSuffix = ".Contracts";

    // The deliberately broken modules under tests/ArchitectureFixtures: only the fixture tests load them.
    private const string FixturePrefix = "PatientPortal.Modules.Fixture";

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

    public static IEnumerable<string> Assemblies =>
        Implementations.Concat(Contracts).Prepend(Host).Prepend(BuildingBlocks);

    /// <summary>Every portal assembly as ArchUnitNET reads it: types, members and the IL of method bodies.</summary>
    public static Architecture Architecture { get; } = Load(Assemblies);

    public static string ImplementationOf(string module) => ModulePrefix + module;

    public static string ContractsOf(string module) => ModulePrefix + module + ContractsSuffix;

    /// <summary>The module's public static class, whose Add{Module}Module is the host's only way in.</summary>
    public static string EntryClassOf(string module) => $"{ModulePrefix}{module}.{module}Module";

    /// <summary>"PatientPortal.Modules.Accounts.Contracts" → "Accounts"; null for an assembly that belongs to no module.</summary>
    public static string? ModuleOf(string assembly) =>
        assembly.StartsWith(ModulePrefix, StringComparison.Ordinal) ? assembly[ModulePrefix.Length..].Split('.')[0] : null;

    public static Architecture Load(IEnumerable<string> assemblies) =>
        new ArchLoader().LoadAssemblies([.. assemblies.Select(Assembly.Load)]).Build();
}
