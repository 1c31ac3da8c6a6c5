using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Inbox.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ComposeFormId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FormId",
                schema: "inbox",
                table: "Communications",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Communications_FormId",
                schema: "inbox",
                table: "Communications",
                column: "FormId",
                unique: true,
                filter: "\"FormId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Communications_FormId",
                schema: "inbox",
                table: "Communications");

            migrationBuilder.DropColumn(
                name: "FormId",
                schema: "inbox",
                table: "Communications");
        }
    }
}
