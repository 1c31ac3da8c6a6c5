using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Inbox.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailAttachment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AttachmentContent",
                schema: "inbox",
                table: "QueuedEmails",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentContentType",
                schema: "inbox",
                table: "QueuedEmails",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentName",
                schema: "inbox",
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
                schema: "inbox",
                table: "QueuedEmails");

            migrationBuilder.DropColumn(
                name: "AttachmentContentType",
                schema: "inbox",
                table: "QueuedEmails");

            migrationBuilder.DropColumn(
                name: "AttachmentName",
                schema: "inbox",
                table: "QueuedEmails");
        }
    }
}
