using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Appointments.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailAttachment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AttachmentContent",
                schema: "appointments",
                table: "QueuedEmails",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentContentType",
                schema: "appointments",
                table: "QueuedEmails",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentName",
                schema: "appointments",
                table: "QueuedEmails",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AttachmentContent",
                schema: "appointments",
                table: "QueuedEmails");

            migrationBuilder.DropColumn(
                name: "AttachmentContentType",
                schema: "appointments",
                table: "QueuedEmails");

            migrationBuilder.DropColumn(
                name: "AttachmentName",
                schema: "appointments",
                table: "QueuedEmails");
        }
    }
}
