using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Profiles.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailAttachment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AttachmentContent",
                schema: "profiles",
                table: "QueuedEmails",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentContentType",
                schema: "profiles",
                table: "QueuedEmails",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentName",
                schema: "profiles",
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
                schema: "profiles",
                table: "QueuedEmails");

            migrationBuilder.DropColumn(
                name: "AttachmentContentType",
                schema: "profiles",
                table: "QueuedEmails");

            migrationBuilder.DropColumn(
                name: "AttachmentName",
                schema: "profiles",
                table: "QueuedEmails");
        }
    }
}
