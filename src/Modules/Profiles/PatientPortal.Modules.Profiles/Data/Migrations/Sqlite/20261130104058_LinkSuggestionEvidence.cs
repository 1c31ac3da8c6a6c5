using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Profiles.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LinkSuggestionEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdentityCheck",
                schema: "profiles",
                table: "LinkSuggestions",
                type: "TEXT",
                maxLength: 30,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IdentityCheck",
                schema: "profiles",
                table: "LinkSuggestions");
        }
    }
}
