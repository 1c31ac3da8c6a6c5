using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Profiles.Data.Migrations.Postgres
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
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GuardianName",
                schema: "profiles",
                table: "Profiles",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AgeNoticeSentUtc",
                schema: "profiles",
                table: "ProfileAccesses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PersonConsented",
                schema: "profiles",
                table: "ProfileAccesses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ConnectionAttempts",
                schema: "profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    AttemptedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Relationship = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReaderAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    What = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ReadUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Allowed = table.Column<bool>(type: "boolean", nullable: false)
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
