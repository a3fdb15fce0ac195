using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResourcesYearFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ResourceYearFigures",
                columns: table => new
                {
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CenterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookedMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    OutsideMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    IncomeFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceYearFigures", x => new { x.ResourceId, x.OwnerOrganizationId, x.Year });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceYearFigures_Year_CenterId",
                table: "ResourceYearFigures",
                columns: new[] { "Year", "CenterId" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceYearFigures_Year_OwnerOrganizationId",
                table: "ResourceYearFigures",
                columns: new[] { "Year", "OwnerOrganizationId" });

            // The marker that asks the app to build the kept figures from the bookings at its next start.
            migrationBuilder.InsertData(
                table: "ResourceYearFigures",
                columns: new[] { "ResourceId", "OwnerOrganizationId", "Year", "CenterId", "BookedMinutes", "UsedMinutes", "MemberMinutes", "OutsideMinutes", "IncomeFen" },
                values: new object[] { Guid.Empty, Guid.Empty, 0, Guid.Empty, 0L, 0L, 0L, 0L, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResourceYearFigures");
        }
    }
}
