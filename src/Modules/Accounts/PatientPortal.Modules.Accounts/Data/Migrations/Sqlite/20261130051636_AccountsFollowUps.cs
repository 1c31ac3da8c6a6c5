using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Accounts.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "EmailCodesWindowStartUtc",
                schema: "accounts",
                table: "SecondFactors",
                type: "INTEGER",
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
