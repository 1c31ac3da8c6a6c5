using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Appointments.Data.Migrations.Postgres
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentContentType",
                schema: "appointments",
                table: "QueuedEmails",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentName",
                schema: "appointments",
                table: "QueuedEmails",
                type: "character varying(100)",
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
