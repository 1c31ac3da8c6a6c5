using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Accounts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountsHardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite (3.35+) drops a column in place; EF's DropColumn would rebuild the table with PRAGMA foreign_keys,
            // outside the migration's transaction, where a crash could leave it half done.
            migrationBuilder.Sql("ALTER TABLE \"Accounts\" DROP COLUMN \"FailedSignIns\";");
            migrationBuilder.Sql("ALTER TABLE \"Accounts\" DROP COLUMN \"LockedUntilUtc\";");

            migrationBuilder.AddColumn<bool>(
                name: "SecondFactorPassed",
                schema: "accounts",
                table: "Sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                schema: "accounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PasswordResetRequests",
                schema: "accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestedUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PasswordResetRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecoveryCodes",
                schema: "accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedUtc = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecoveryCodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SecondFactors",
                schema: "accounts",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProtectedKey = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastAcceptedStep = table.Column<long>(type: "INTEGER", nullable: true),
                    EnabledUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    PendingKey = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EmailCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EmailCodeExpiresUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    EmailCodeFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecondFactors", x => x.AccountId);
                });

            migrationBuilder.CreateTable(
                name: "SignInChallenges",
                schema: "accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SecurityStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    EmailCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInChallenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Throttles",
                schema: "accounts",
                columns: table => new
                {
                    Subject = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Counter = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowStartUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    LastEventUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockedUntilUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    Blocks = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Throttles", x => new { x.Subject, x.Counter });
                });

            migrationBuilder.CreateTable(
                name: "TrustedBrowsers",
                schema: "accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SecurityStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrustedBrowsers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PasswordResetRequests_RequestedUtc",
                schema: "accounts",
                table: "PasswordResetRequests",
                column: "RequestedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryCodes_AccountId_CodeHash",
                schema: "accounts",
                table: "RecoveryCodes",
                columns: new[] { "AccountId", "CodeHash" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInChallenges_AccountId",
                schema: "accounts",
                table: "SignInChallenges",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_SignInChallenges_TokenHash",
                schema: "accounts",
                table: "SignInChallenges",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Throttles_LastEventUtc",
                schema: "accounts",
                table: "Throttles",
                column: "LastEventUtc");

            migrationBuilder.CreateIndex(
                name: "IX_TrustedBrowsers_AccountId",
                schema: "accounts",
                table: "TrustedBrowsers",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_TrustedBrowsers_TokenHash",
                schema: "accounts",
                table: "TrustedBrowsers",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys",
                schema: "accounts");

            migrationBuilder.DropTable(
                name: "PasswordResetRequests",
                schema: "accounts");

            migrationBuilder.DropTable(
                name: "RecoveryCodes",
                schema: "accounts");

            migrationBuilder.DropTable(
                name: "SecondFactors",
                schema: "accounts");

            migrationBuilder.DropTable(
                name: "SignInChallenges",
                schema: "accounts");

            migrationBuilder.DropTable(
                name: "Throttles",
                schema: "accounts");

            migrationBuilder.DropTable(
                name: "TrustedBrowsers",
                schema: "accounts");

            migrationBuilder.Sql("ALTER TABLE \"Sessions\" DROP COLUMN \"SecondFactorPassed\";");

            migrationBuilder.AddColumn<int>(
                name: "FailedSignIns",
                schema: "accounts",
                table: "Accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LockedUntilUtc",
                schema: "accounts",
                table: "Accounts",
                type: "INTEGER",
                nullable: true);
        }
    }
}
