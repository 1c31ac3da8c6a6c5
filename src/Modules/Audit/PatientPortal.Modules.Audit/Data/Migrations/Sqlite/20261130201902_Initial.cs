using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Audit.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "audit");

            migrationBuilder.CreateTable(
                name: "FileAccesses",
                schema: "audit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReaderAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReaderRole = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ReaderName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    StaffRole = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ObjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Allowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReadUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FileAccesses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                schema: "audit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    NextAttemptUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcessedEvents",
                schema: "audit",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProcessedUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedEvents", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "QueuedEmails",
                schema: "audit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                    AttachmentName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AttachmentContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AttachmentContent = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    SentUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueuedEmails", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FileAccesses_ProfileId_ReadUtc",
                schema: "audit",
                table: "FileAccesses",
                columns: new[] { "ProfileId", "ReadUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FileAccesses_ReadUtc",
                schema: "audit",
                table: "FileAccesses",
                column: "ReadUtc");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProcessedUtc_NextAttemptUtc",
                schema: "audit",
                table: "OutboxMessages",
                columns: new[] { "ProcessedUtc", "NextAttemptUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_QueuedEmails_SentUtc_NextAttemptUtc",
                schema: "audit",
                table: "QueuedEmails",
                columns: new[] { "SentUtc", "NextAttemptUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FileAccesses",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "OutboxMessages",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "ProcessedEvents",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "QueuedEmails",
                schema: "audit");
        }
    }
}
