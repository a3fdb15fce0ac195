using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
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
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                values: new object[] { Guid.Empty, "Draft", DateTimeOffset.UnixEpoch });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApplicationStageClocks");
        }
    }
}
