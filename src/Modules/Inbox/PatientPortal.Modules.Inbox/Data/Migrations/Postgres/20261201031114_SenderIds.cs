using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Inbox.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SenderIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FromPractitionerId",
                schema: "inbox",
                table: "Messages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FromPractitionerId",
                schema: "inbox",
                table: "Communications",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SiteId",
                schema: "inbox",
                table: "Communications",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FromPractitionerId",
                schema: "inbox",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "FromPractitionerId",
                schema: "inbox",
                table: "Communications");

            migrationBuilder.DropColumn(
                name: "SiteId",
                schema: "inbox",
                table: "Communications");
        }
    }
}
