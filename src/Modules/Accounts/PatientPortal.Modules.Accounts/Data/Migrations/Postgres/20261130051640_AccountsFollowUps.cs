using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Accounts.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccountsFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EmailCodesSent",
                schema: "accounts",
                table: "SecondFactors",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmailCodesWindowStartUtc",
                schema: "accounts",
                table: "SecondFactors",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EmailCodesSent",
                schema: "accounts",
                table: "SecondFactors");

            migrationBuilder.DropColumn(
                name: "EmailCodesWindowStartUtc",
                schema: "accounts",
                table: "SecondFactors");
        }
    }
}
