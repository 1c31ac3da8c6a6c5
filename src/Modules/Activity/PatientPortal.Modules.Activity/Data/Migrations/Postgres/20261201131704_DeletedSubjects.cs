using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientPortal.Modules.Activity.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeletedSubjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeletedSubjects",
                schema: "activity",
                columns: table => new
                {
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeletedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeletedSubjects", x => x.SubjectId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeletedSubjects_DeletedUtc",
                schema: "activity",
                table: "DeletedSubjects",
                column: "DeletedUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeletedSubjects",
                schema: "activity");
        }
    }
}
