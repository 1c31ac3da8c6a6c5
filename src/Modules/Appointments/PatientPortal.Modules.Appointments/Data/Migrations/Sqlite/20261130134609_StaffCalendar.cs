using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Appointments.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AttendanceRecordedBy",
                schema: "appointments",
                table: "Appointments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledNote",
                schema: "appointments",
                table: "Appointments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AttendanceRecordedBy",
                schema: "appointments",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "CancelledNote",
                schema: "appointments",
                table: "Appointments");
        }
    }
}
