using Microsoft.EntityFrameworkCore;

namespace PatientPortal.BuildingBlocks.Persistence;

/// <summary>
/// An EF Core compiled query (<c>EF.CompileAsyncQuery</c>) for each provider, for the reads every signed-in page makes:
/// a compiled query skips building, parameterizing and looking up the LINQ expression on every call, about a tenth of
/// a page's CPU (ADR 0011). It is translated for the model of the first context it runs on, and one process can serve
/// both providers (the tests do), so each provider gets its own.
/// </summary>
public sealed class CompiledPerProvider<TQuery>(Func<TQuery> compile)
    where TQuery : Delegate
{
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";
    private const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private readonly TQuery _sqlite = compile();
    private readonly TQuery _postgres = compile();

    public TQuery For(DbContext db) => db.Database.ProviderName switch
    {
        Sqlite => _sqlite,
        Postgres => _postgres,
        var other => throw new NotSupportedException($"No compiled query for the provider {other}."),
    };
}
