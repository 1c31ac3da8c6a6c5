using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Accounts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InvitedFromProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ProfileId",
                schema: "accounts",
                table: "Invitations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ProfileId",
                schema: "accounts",
                table: "Accounts",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProfileId",
                schema: "accounts",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "ProfileId",
                schema: "accounts",
                table: "Accounts");
        }
    }
}
