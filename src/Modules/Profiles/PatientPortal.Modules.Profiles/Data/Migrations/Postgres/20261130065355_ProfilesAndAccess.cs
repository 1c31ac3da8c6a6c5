using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PatientPortal.Modules.Profiles.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProfilesAndAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Profiles",
                schema: "profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClinicPatientId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    Sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    HealthInsuranceNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    HealthInsuranceExpiry = table.Column<DateOnly>(type: "date", nullable: true),
                    AddressLine = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Province = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ContactEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    PreferredLanguage = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AssignedPractitionerId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NotifyAppointmentEmails = table.Column<bool>(type: "boolean", nullable: false),
                    NotifyNewCommunications = table.Column<bool>(type: "boolean", nullable: false),
                    NotifyReminders = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Profiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LinkSuggestions",
                schema: "profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    NewProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExistingProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkSuggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LinkSuggestions_Profiles_ExistingProfileId",
                        column: x => x.ExistingProfileId,
                        principalSchema: "profiles",
                        principalTable: "Profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LinkSuggestions_Profiles_NewProfileId",
                        column: x => x.NewProfileId,
                        principalSchema: "profiles",
                        principalTable: "Profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProfileAccesses",
                schema: "profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Relationship = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Permissions = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConsentUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedReason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    RevokedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileAccesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfileAccesses_Profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalSchema: "profiles",
                        principalTable: "Profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProfilePhones",
                schema: "profiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Type = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfilePhones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfilePhones_Profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalSchema: "profiles",
                        principalTable: "Profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccessChanges",
                schema: "profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccessId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ChangedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConsentGivenBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Basis = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Relationship = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Permissions = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessChanges_ProfileAccesses_AccessId",
                        column: x => x.AccessId,
                        principalSchema: "profiles",
                        principalTable: "ProfileAccesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessChanges_AccessId",
                schema: "profiles",
                table: "AccessChanges",
                column: "AccessId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessChanges_ProfileId",
                schema: "profiles",
                table: "AccessChanges",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkSuggestions_ExistingProfileId",
                schema: "profiles",
                table: "LinkSuggestions",
                column: "ExistingProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkSuggestions_NewProfileId_ExistingProfileId",
                schema: "profiles",
                table: "LinkSuggestions",
                columns: new[] { "NewProfileId", "ExistingProfileId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LinkSuggestions_State",
                schema: "profiles",
                table: "LinkSuggestions",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileAccesses_AccountId_ProfileId",
                schema: "profiles",
                table: "ProfileAccesses",
                columns: new[] { "AccountId", "ProfileId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProfileAccesses_OneSelfPerAccount",
                schema: "profiles",
                table: "ProfileAccesses",
                column: "AccountId",
                unique: true,
                filter: "\"Relationship\" = 'Self'");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileAccesses_ProfileId",
                schema: "profiles",
                table: "ProfileAccesses",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_ProfilePhones_ProfileId",
                schema: "profiles",
                table: "ProfilePhones",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_Profiles_ClinicPatientId",
                schema: "profiles",
                table: "Profiles",
                column: "ClinicPatientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Profiles_HealthInsuranceNumber_DateOfBirth",
                schema: "profiles",
                table: "Profiles",
                columns: new[] { "HealthInsuranceNumber", "DateOfBirth" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessChanges",
                schema: "profiles");

            migrationBuilder.DropTable(
                name: "LinkSuggestions",
                schema: "profiles");

            migrationBuilder.DropTable(
                name: "ProfilePhones",
                schema: "profiles");

            migrationBuilder.DropTable(
                name: "ProfileAccesses",
                schema: "profiles");

            migrationBuilder.DropTable(
                name: "Profiles",
                schema: "profiles");
        }
    }
}
