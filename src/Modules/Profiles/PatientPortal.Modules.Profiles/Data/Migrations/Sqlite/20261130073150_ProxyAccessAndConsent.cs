using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Profiles.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProxyAccessAndConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GuardianEmail",
                schema: "profiles",
                table: "Profiles",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GuardianName",
                schema: "profiles",
                table: "Profiles",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AgeNoticeSentUtc",
                schema: "profiles",
                table: "ProfileAccesses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PersonConsented",
                schema: "profiles",
                table: "ProfileAccesses",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ConnectionAttempts",
                schema: "profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttemptedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectionAttempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConnectionRequests",
                schema: "profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectionRequests_Profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalSchema: "profiles",
                        principalTable: "Profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProfileReads",
                schema: "profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReaderAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ReadUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Allowed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileReads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Profiles_DateOfBirth",
                schema: "profiles",
                table: "Profiles",
                column: "DateOfBirth");

            migrationBuilder.CreateIndex(
                name: "IX_Profiles_LastName_FirstName",
                schema: "profiles",
                table: "Profiles",
                columns: new[] { "LastName", "FirstName" });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionAttempts_AccountId_AttemptedUtc",
                schema: "profiles",
                table: "ConnectionAttempts",
                columns: new[] { "AccountId", "AttemptedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionRequests_OneOpen",
                schema: "profiles",
                table: "ConnectionRequests",
                columns: new[] { "AccountId", "ProfileId" },
                unique: true,
                filter: "\"State\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionRequests_ProfileId",
                schema: "profiles",
                table: "ConnectionRequests",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionRequests_State",
                schema: "profiles",
                table: "ConnectionRequests",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileReads_ProfileId_ReadUtc",
                schema: "profiles",
                table: "ProfileReads",
                columns: new[] { "ProfileId", "ReadUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProfileReads_ReaderAccountId_ReadUtc",
                schema: "profiles",
                table: "ProfileReads",
                columns: new[] { "ReaderAccountId", "ReadUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConnectionAttempts",
                schema: "profiles");

            migrationBuilder.DropTable(
                name: "ConnectionRequests",
                schema: "profiles");

            migrationBuilder.DropTable(
                name: "ProfileReads",
                schema: "profiles");

            migrationBuilder.DropIndex(
                name: "IX_Profiles_DateOfBirth",
                schema: "profiles",
                table: "Profiles");

            migrationBuilder.DropIndex(
                name: "IX_Profiles_LastName_FirstName",
                schema: "profiles",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "GuardianEmail",
                schema: "profiles",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "GuardianName",
                schema: "profiles",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "AgeNoticeSentUtc",
                schema: "profiles",
                table: "ProfileAccesses");

            migrationBuilder.DropColumn(
                name: "PersonConsented",
                schema: "profiles",
                table: "ProfileAccesses");
        }
    }
}
