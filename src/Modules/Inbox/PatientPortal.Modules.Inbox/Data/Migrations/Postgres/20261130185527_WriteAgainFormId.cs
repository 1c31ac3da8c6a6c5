using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Inbox.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WriteAgainFormId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FormId",
                schema: "inbox",
                table: "Messages",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_FormId",
                schema: "inbox",
                table: "Messages",
                column: "FormId",
                unique: true,
                filter: "\"FormId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_FormId",
                schema: "inbox",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "FormId",
                schema: "inbox",
                table: "Messages");
        }
    }
}
