using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace PatientPortal.BuildingBlocks.Persistence;

/// <summary>
/// Microsoft.Data.Sqlite 10 asks for SQLitePCLRaw.core 2.1.x, which our registry lacks; 2.0.6 serves every call we
/// make (never LoadExtension). This points the request at the 2.0.6 assembly beside us. See docs/adr/0003; delete
/// this file when SQLitePCLRaw 2.1 restores.
/// </summary>
internal static class SqliteNativeShim
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Must run before any SQLite type loads.")]
    internal static void Install()
    {
        var folder = Path.GetDirectoryName(typeof(SqliteNativeShim).Assembly.Location)!;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name == "SQLitePCLRaw.core" ? context.LoadFromAssemblyPath(Path.Combine(folder, "SQLitePCLRaw.core.dll")) : null;
    }
}
