using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PatientPortal.BuildingBlocks.Persistence;

/// <summary>Recognizes a unique-constraint violation from either provider, however deeply EF wraps it.</summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }:
                case SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 }:
                    return true;
            }
        }

        return false;
    }
}
