using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Appointments.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Scheduling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Practitioners",
                schema: "appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Practitioners", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScheduleExceptions",
                schema: "appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduleExceptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sites",
                schema: "appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AddressLine = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Province = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    IsVirtual = table.Column<bool>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Specialties",
                schema: "appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameFr = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Specialties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PractitionerSites",
                schema: "appointments",
                columns: table => new
                {
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PractitionerSites", x => new { x.PractitionerId, x.SiteId });
                    table.ForeignKey(
                        name: "FK_PractitionerSites_Practitioners_PractitionerId",
                        column: x => x.PractitionerId,
                        principalSchema: "appointments",
                        principalTable: "Practitioners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PractitionerSites_Sites_SiteId",
                        column: x => x.SiteId,
                        principalSchema: "appointments",
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScheduleBlocks",
                schema: "appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    SlotMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveUntil = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduleBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScheduleBlocks_Practitioners_PractitionerId",
                        column: x => x.PractitionerId,
                        principalSchema: "appointments",
                        principalTable: "Practitioners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScheduleBlocks_Sites_SiteId",
                        column: x => x.SiteId,
                        principalSchema: "appointments",
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AppointmentTypes",
                schema: "appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DescriptionFr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    SpecialtyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BookableOnline = table.Column<bool>(type: "INTEGER", nullable: false),
                    Emergency = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    VisitMessageEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VisitMessageFr = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameFr = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentTypes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppointmentTypes_Specialties_SpecialtyId",
                        column: x => x.SpecialtyId,
                        principalSchema: "appointments",
                        principalTable: "Specialties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PractitionerSpecialties",
                schema: "appointments",
                columns: table => new
                {
                    SpecialtyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PractitionerSpecialties", x => new { x.PractitionerId, x.SpecialtyId });
                    table.ForeignKey(
                        name: "FK_PractitionerSpecialties_Practitioners_PractitionerId",
                        column: x => x.PractitionerId,
                        principalSchema: "appointments",
                        principalTable: "Practitioners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PractitionerSpecialties_Specialties_SpecialtyId",
                        column: x => x.SpecialtyId,
                        principalSchema: "appointments",
                        principalTable: "Specialties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Appointments",
                schema: "appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AppointmentTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    EndUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BookedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CancelledUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledByParty = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CancelledByAccount = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReminderQueuedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    AttendanceRecordedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appointments_AppointmentTypes_AppointmentTypeId",
                        column: x => x.AppointmentTypeId,
                        principalSchema: "appointments",
                        principalTable: "AppointmentTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appointments_Practitioners_PractitionerId",
                        column: x => x.PractitionerId,
                        principalSchema: "appointments",
                        principalTable: "Practitioners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appointments_Sites_SiteId",
                        column: x => x.SiteId,
                        principalSchema: "appointments",
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScheduleBlockTypes",
                schema: "appointments",
                columns: table => new
                {
                    AppointmentTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScheduleBlockId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduleBlockTypes", x => new { x.ScheduleBlockId, x.AppointmentTypeId });
                    table.ForeignKey(
                        name: "FK_ScheduleBlockTypes_AppointmentTypes_AppointmentTypeId",
                        column: x => x.AppointmentTypeId,
                        principalSchema: "appointments",
                        principalTable: "AppointmentTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScheduleBlockTypes_ScheduleBlocks_ScheduleBlockId",
                        column: x => x.ScheduleBlockId,
                        principalSchema: "appointments",
                        principalTable: "ScheduleBlocks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_AppointmentTypeId",
                schema: "appointments",
                table: "Appointments",
                column: "AppointmentTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_OneLivePerPractitionerStart",
                schema: "appointments",
                table: "Appointments",
                columns: new[] { "PractitionerId", "StartUtc" },
                unique: true,
                filter: "\"Status\" <> 'Cancelled'");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_PractitionerId_StartUtc_EndUtc",
                schema: "appointments",
                table: "Appointments",
                columns: new[] { "PractitionerId", "StartUtc", "EndUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ProfileId_StartUtc",
                schema: "appointments",
                table: "Appointments",
                columns: new[] { "ProfileId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ReminderDue",
                schema: "appointments",
                table: "Appointments",
                column: "StartUtc",
                filter: "\"ReminderQueuedUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_SiteId",
                schema: "appointments",
                table: "Appointments",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentTypes_SpecialtyId",
                schema: "appointments",
                table: "AppointmentTypes",
                column: "SpecialtyId");

            migrationBuilder.CreateIndex(
                name: "IX_PractitionerSites_SiteId",
                schema: "appointments",
                table: "PractitionerSites",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_PractitionerSpecialties_SpecialtyId",
                schema: "appointments",
                table: "PractitionerSpecialties",
                column: "SpecialtyId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduleBlocks_PractitionerId",
                schema: "appointments",
                table: "ScheduleBlocks",
                column: "PractitionerId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduleBlocks_SiteId_PractitionerId",
                schema: "appointments",
                table: "ScheduleBlocks",
                columns: new[] { "SiteId", "PractitionerId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduleBlockTypes_AppointmentTypeId",
                schema: "appointments",
                table: "ScheduleBlockTypes",
                column: "AppointmentTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduleExceptions_FirstDay_LastDay",
                schema: "appointments",
                table: "ScheduleExceptions",
                columns: new[] { "FirstDay", "LastDay" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Appointments",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "PractitionerSites",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "PractitionerSpecialties",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "ScheduleBlockTypes",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "ScheduleExceptions",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "AppointmentTypes",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "ScheduleBlocks",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "Specialties",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "Practitioners",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "Sites",
                schema: "appointments");
        }
    }
}
