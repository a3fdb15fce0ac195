using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResourcesYearAvailability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ResourceYearAvailabilities",
                columns: table => new
                {
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CenterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AvailableMinutes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceYearAvailabilities", x => new { x.ResourceId, x.Year });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceYearAvailabilities_Year_CenterId",
                table: "ResourceYearAvailabilities",
                columns: new[] { "Year", "CenterId" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceYearAvailabilities_Year_OwnerOrganizationId",
                table: "ResourceYearAvailabilities",
                columns: new[] { "Year", "OwnerOrganizationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResourceYearAvailabilities");
        }
    }
}
