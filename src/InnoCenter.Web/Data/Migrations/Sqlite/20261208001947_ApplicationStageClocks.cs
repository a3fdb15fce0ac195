using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApplicationStageClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApplicationStageClocks",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationStageClocks", x => x.ApplicationId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationStageClocks_Status_DueAt",
                table: "ApplicationStageClocks",
                columns: new[] { "Status", "DueAt" });

            // The marker that asks the app to compute every application's clock from its stage and pack version at its next start.
            migrationBuilder.InsertData(
                table: "ApplicationStageClocks",
                columns: new[] { "ApplicationId", "Status", "DueAt" },
                values: new object[] { Guid.Empty, "Draft", 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApplicationStageClocks");
        }
    }
}
