using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Inbox.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeletionRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Deletions",
                schema: "inbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attachments = table.Column<int>(type: "integer", nullable: false),
                    DeletedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    DeletedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deletions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deletions_DeletedBy_DeletedUtc",
                schema: "inbox",
                table: "Deletions",
                columns: new[] { "DeletedBy", "DeletedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Deletions_ProfileId_DeletedUtc",
                schema: "inbox",
                table: "Deletions",
                columns: new[] { "ProfileId", "DeletedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Deletions",
                schema: "inbox");
        }
    }
}
