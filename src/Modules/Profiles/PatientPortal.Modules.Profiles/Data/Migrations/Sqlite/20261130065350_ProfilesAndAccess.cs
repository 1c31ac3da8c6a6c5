using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Profiles.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClinicPatientId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    HealthInsuranceNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    HealthInsuranceExpiry = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AddressLine = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Province = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    PreferredLanguage = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AssignedPractitionerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    NotifyAppointmentEmails = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotifyNewCommunications = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotifyReminders = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NewProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExistingProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedUtc = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Permissions = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    ConsentUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    RevokedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ChangedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChangedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    ConsentGivenBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Permissions = table.Column<int>(type: "INTEGER", nullable: false)
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
