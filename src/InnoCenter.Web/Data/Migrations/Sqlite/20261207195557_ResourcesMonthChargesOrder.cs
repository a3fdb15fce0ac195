using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResourcesMonthChargesOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Paid",
                table: "ResourceMonthCharges",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PayerName",
                table: "ResourceMonthCharges",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceMonthCharges_Year_Month_Paid_PayerName_PayerOrganizationId",
                table: "ResourceMonthCharges",
                columns: new[] { "Year", "Month", "Paid", "PayerName", "PayerOrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_ResearchResources_Category_Id_IsRetired_OpeningHoursText",
                table: "ResearchResources",
                columns: new[] { "Category", "Id", "IsRetired", "OpeningHoursText" });

            // The marker that asks the app to rebuild the kept charges at its next start, so the rows written before
            // carry their payer's name and paid state (a database made afresh has the first migration's marker still).
            migrationBuilder.Sql("INSERT OR IGNORE INTO \"ResourceMonthCharges\" (\"Year\", \"Month\", \"PayerOrganizationId\", \"ChargeFen\", \"PayerName\", \"Paid\") VALUES (0, 0, '00000000-0000-0000-0000-000000000000', 0, '', 0)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ResourceMonthCharges_Year_Month_Paid_PayerName_PayerOrganizationId",
                table: "ResourceMonthCharges");

            migrationBuilder.DropIndex(
                name: "IX_ResearchResources_Category_Id_IsRetired_OpeningHoursText",
                table: "ResearchResources");

            migrationBuilder.DropColumn(
                name: "Paid",
                table: "ResourceMonthCharges");

            migrationBuilder.DropColumn(
                name: "PayerName",
                table: "ResourceMonthCharges");
        }
    }
}
