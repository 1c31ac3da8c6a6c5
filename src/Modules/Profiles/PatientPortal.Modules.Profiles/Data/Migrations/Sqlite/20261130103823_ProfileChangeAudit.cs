using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Profiles.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProfileChangeAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProfileChanges",
                schema: "profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ChangedUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProfileChanges_ActorAccountId_ChangedUtc",
                schema: "profiles",
                table: "ProfileChanges",
                columns: new[] { "ActorAccountId", "ChangedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProfileChanges_ProfileId_ChangedUtc",
                schema: "profiles",
                table: "ProfileChanges",
                columns: new[] { "ProfileId", "ChangedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProfileChanges",
                schema: "profiles");
        }
    }
}
