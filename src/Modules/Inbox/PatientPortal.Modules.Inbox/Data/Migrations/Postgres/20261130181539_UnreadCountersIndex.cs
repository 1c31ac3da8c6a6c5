using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Inbox.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UnreadCountersIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Communications_Profile_Unread",
                schema: "inbox",
                table: "Communications");

            migrationBuilder.CreateIndex(
                name: "IX_Communications_Profile_Unread",
                schema: "inbox",
                table: "Communications",
                columns: new[] { "ProfileId", "Category" },
                filter: "\"UnreadByPatient\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Communications_Profile_Unread",
                schema: "inbox",
                table: "Communications");

            migrationBuilder.CreateIndex(
                name: "IX_Communications_Profile_Unread",
                schema: "inbox",
                table: "Communications",
                columns: new[] { "ProfileId", "UnreadByPatient", "Category" });
        }
    }
}
