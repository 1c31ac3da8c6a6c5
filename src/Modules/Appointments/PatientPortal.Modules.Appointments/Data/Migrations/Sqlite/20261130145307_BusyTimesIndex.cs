using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Appointments.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BusyTimesIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appointments_PractitionerId_StartUtc_EndUtc",
                schema: "appointments",
                table: "Appointments");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_BusyTimes",
                schema: "appointments",
                table: "Appointments",
                columns: new[] { "PractitionerId", "StartUtc", "EndUtc", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appointments_BusyTimes",
                schema: "appointments",
                table: "Appointments");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_PractitionerId_StartUtc_EndUtc",
                schema: "appointments",
                table: "Appointments",
                columns: new[] { "PractitionerId", "StartUtc", "EndUtc" });
        }
    }
}
