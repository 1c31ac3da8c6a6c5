using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Accounts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HardenSignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedSignIns",
                schema: "accounts",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "LockedUntilUtc",
                schema: "accounts",
                table: "Accounts");

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

            migrationBuilder.CreateIndex(
                name: "IX_PasswordResetRequests_RequestedUtc",
                schema: "accounts",
                table: "PasswordResetRequests",
                column: "RequestedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Throttles_LastEventUtc",
                schema: "accounts",
                table: "Throttles",
                column: "LastEventUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PasswordResetRequests",
                schema: "accounts");

            migrationBuilder.DropTable(
                name: "Throttles",
                schema: "accounts");

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
