using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ResourcesMonthCharges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ResourceMonthCharges",
                columns: table => new
                {
                    PayerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    ChargeFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceMonthCharges", x => new { x.Year, x.Month, x.PayerOrganizationId });
                });

            // The marker that asks the app to build the kept charges from the bookings at its next start.
            migrationBuilder.InsertData(
                table: "ResourceMonthCharges",
                columns: new[] { "Year", "Month", "PayerOrganizationId", "ChargeFen" },
                values: new object[] { 0, 0, Guid.Empty, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResourceMonthCharges");
        }
    }
}
