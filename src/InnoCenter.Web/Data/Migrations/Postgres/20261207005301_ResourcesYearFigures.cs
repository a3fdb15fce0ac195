using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
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
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    BookedMinutes = table.Column<long>(type: "bigint", nullable: false),
                    UsedMinutes = table.Column<long>(type: "bigint", nullable: false),
                    MemberMinutes = table.Column<long>(type: "bigint", nullable: false),
                    OutsideMinutes = table.Column<long>(type: "bigint", nullable: false),
                    IncomeFen = table.Column<long>(type: "bigint", nullable: false)
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
