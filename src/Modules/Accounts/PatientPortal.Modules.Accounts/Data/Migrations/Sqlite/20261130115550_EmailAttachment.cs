using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Accounts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailAttachment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AttachmentContent",
                schema: "accounts",
                table: "QueuedEmails",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentContentType",
                schema: "accounts",
                table: "QueuedEmails",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentName",
                schema: "accounts",
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
                schema: "accounts",
                table: "QueuedEmails");

            migrationBuilder.DropColumn(
                name: "AttachmentContentType",
                schema: "accounts",
                table: "QueuedEmails");

            migrationBuilder.DropColumn(
                name: "AttachmentName",
                schema: "accounts",
                table: "QueuedEmails");
        }
    }
}
