using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Inbox.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Communications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Communications",
                schema: "inbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", nullable: false),
                    FromPractitioner = table.Column<string>(type: "TEXT", nullable: true),
                    Site = table.Column<string>(type: "TEXT", nullable: false),
                    TypeLabel = table.Column<string>(type: "TEXT", nullable: false),
                    SentUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    SentBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastMessageUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Preview = table.Column<string>(type: "TEXT", nullable: false),
                    RepliesAllowed = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplyCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastReplyUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    LastReplyPreview = table.Column<string>(type: "TEXT", nullable: true),
                    UnreadByPatient = table.Column<bool>(type: "INTEGER", nullable: false),
                    PatientReadUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    UnreadByStaff = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasAttachments = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FileCleanups",
                schema: "inbox",
                columns: table => new
                {
                    StorageKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    DueUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FileCleanups", x => x.StorageKey);
                });

            migrationBuilder.CreateTable(
                name: "Attachments",
                schema: "inbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attachments_Communications_CommunicationId",
                        column: x => x.CommunicationId,
                        principalSchema: "inbox",
                        principalTable: "Communications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Messages",
                schema: "inbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FromPractitioner = table.Column<string>(type: "TEXT", nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReplyNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    AtUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Messages_Communications_CommunicationId",
                        column: x => x.CommunicationId,
                        principalSchema: "inbox",
                        principalTable: "Communications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_CommunicationId",
                schema: "inbox",
                table: "Attachments",
                column: "CommunicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_StorageKey",
                schema: "inbox",
                table: "Attachments",
                column: "StorageKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Communications_Profile_Category_Latest",
                schema: "inbox",
                table: "Communications",
                columns: new[] { "ProfileId", "Category", "LastMessageUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Communications_Profile_Latest",
                schema: "inbox",
                table: "Communications",
                columns: new[] { "ProfileId", "LastMessageUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Communications_Profile_Sent",
                schema: "inbox",
                table: "Communications",
                columns: new[] { "ProfileId", "LastReplyUtc" },
                filter: "\"LastReplyUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Communications_Profile_Unread",
                schema: "inbox",
                table: "Communications",
                columns: new[] { "ProfileId", "UnreadByPatient", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_Communications_Replies",
                schema: "inbox",
                table: "Communications",
                column: "LastReplyUtc",
                filter: "\"LastReplyUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FileCleanups_DueUtc",
                schema: "inbox",
                table: "FileCleanups",
                column: "DueUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_CommunicationId_AtUtc",
                schema: "inbox",
                table: "Messages",
                columns: new[] { "CommunicationId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_OneReplyPerNumber",
                schema: "inbox",
                table: "Messages",
                columns: new[] { "CommunicationId", "ReplyNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Attachments",
                schema: "inbox");

            migrationBuilder.DropTable(
                name: "FileCleanups",
                schema: "inbox");

            migrationBuilder.DropTable(
                name: "Messages",
                schema: "inbox");

            migrationBuilder.DropTable(
                name: "Communications",
                schema: "inbox");
        }
    }
}
