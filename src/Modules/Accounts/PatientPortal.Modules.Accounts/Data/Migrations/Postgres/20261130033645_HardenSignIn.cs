using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Accounts.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Subject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Counter = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    WindowStartUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastEventUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BlockedUntilUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Blocks = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LockedUntilUtc",
                schema: "accounts",
                table: "Accounts",
                type: "timestamp with time zone",
                nullable: true);
        }
    }
}
