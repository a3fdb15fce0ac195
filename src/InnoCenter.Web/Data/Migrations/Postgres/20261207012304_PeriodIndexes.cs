using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PeriodIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ResourceBookings_Status_Starts",
                table: "ResourceBookings",
                columns: new[] { "Status", "Starts" });

            migrationBuilder.CreateIndex(
                name: "IX_FundReceipts_ReceivedOn_Source_AmountFen",
                table: "FundReceipts",
                columns: new[] { "ReceivedOn", "Source", "AmountFen" });

            migrationBuilder.CreateIndex(
                name: "IX_FundExpenditures_SpentOn_Category_AmountFen",
                table: "FundExpenditures",
                columns: new[] { "SpentOn", "Category", "AmountFen" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ResourceBookings_Status_Starts",
                table: "ResourceBookings");

            migrationBuilder.DropIndex(
                name: "IX_FundReceipts_ReceivedOn_Source_AmountFen",
                table: "FundReceipts");

            migrationBuilder.DropIndex(
                name: "IX_FundExpenditures_SpentOn_Category_AmountFen",
                table: "FundExpenditures");
        }
    }
}
