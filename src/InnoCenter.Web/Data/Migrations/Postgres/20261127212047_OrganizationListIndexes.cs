using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrganizationListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organizations_Type_Region_DistrictCode",
                table: "Organizations");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Type_Region_DistrictCode_Name_Id",
                table: "Organizations",
                columns: new[] { "Type", "Region", "DistrictCode", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Type_Region_Name_Id",
                table: "Organizations",
                columns: new[] { "Type", "Region", "Name", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organizations_Type_Region_DistrictCode_Name_Id",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Type_Region_Name_Id",
                table: "Organizations");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Type_Region_DistrictCode",
                table: "Organizations",
                columns: new[] { "Type", "Region", "DistrictCode" });
        }
    }
}
