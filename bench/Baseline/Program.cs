using System.Text;
using Microsoft.Data.Sqlite;

// The bare endpoint of the benchmark: per request, the same two rows the portal reads to check a signed-in request
// (the session, then its account), from the same SQLite file, with plain ADO.NET, and a page of the dashboard's size.
// Usage: Baseline <accounts.db> <page bytes> --urls http://127.0.0.1:5098
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var connectionString = $"Data Source={args[0]};Default Timeout=5;Pooling=True";
var pageBytes = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var sessionId = await LatestOpenSessionAsync(connectionString);

app.MapGet("/", async context =>
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync(context.RequestAborted);
    var session = await RowAsync(connection, "SELECT AccountId, LastSeenUtc, EndedUtc FROM Sessions WHERE Id = $id", sessionId, context.RequestAborted);
    var account = await RowAsync(connection, "SELECT Email, FirstName, LastName, Role FROM Accounts WHERE Id = $id", session[0], context.RequestAborted);
    context.Response.ContentType = "text/html; charset=utf-8";
    await context.Response.WriteAsync(Page(account, pageBytes), context.RequestAborted);
});
app.Run();

static async Task<string> LatestOpenSessionAsync(string connectionString)
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT Id FROM Sessions WHERE EndedUtc IS NULL ORDER BY CreatedUtc DESC LIMIT 1";
    return (string)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("No open session: sign in first."));
}

static async Task<object[]> RowAsync(SqliteConnection connection, string sql, object id, CancellationToken cancellationToken)
{
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.Parameters.AddWithValue("$id", id);
    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
    if (!await reader.ReadAsync(cancellationToken))
    {
        throw new InvalidOperationException("Row not found: " + sql);
    }

    var values = new object[reader.FieldCount];
    reader.GetValues(values);
    return values;
}

static string Page(object[] account, int size)
{
    var page = new StringBuilder(size + 64);
    page.Append("<!DOCTYPE html><html lang=\"en\"><head><title>Dashboard</title></head><body><h1>");
    page.Append(System.Net.WebUtility.HtmlEncode($"{account[1]} {account[2]} <{account[0]}>"));
    page.Append("</h1><p>");
    page.Append('x', Math.Max(0, size - page.Length - 18));
    page.Append("</p></body></html>");
    return page.ToString();
}
