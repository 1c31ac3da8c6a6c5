using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Inbox.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReplyWriters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AuthorFor",
                schema: "inbox",
                table: "Messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AuthorName",
                schema: "inbox",
                table: "Messages",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AuthorFor",
                schema: "inbox",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "AuthorName",
                schema: "inbox",
                table: "Messages");
        }
    }
}
