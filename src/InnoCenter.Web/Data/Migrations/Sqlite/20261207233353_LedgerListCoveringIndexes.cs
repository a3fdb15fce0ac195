using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerListCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerIp_FilingDate_Number_CenterId_Kind",
                table: "LedgerIp");

            migrationBuilder.DropIndex(
                name: "IX_Centers_Name",
                table: "Centers");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerIp_FilingDate_Number_CenterId_Kind_Title",
                table: "LedgerIp",
                columns: new[] { "FilingDate", "Number", "CenterId", "Kind", "Title" },
                descending: new[] { true, false, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_Centers_Name_Id",
                table: "Centers",
                columns: new[] { "Name", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerIp_FilingDate_Number_CenterId_Kind_Title",
                table: "LedgerIp");

            migrationBuilder.DropIndex(
                name: "IX_Centers_Name_Id",
                table: "Centers");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerIp_FilingDate_Number_CenterId_Kind",
                table: "LedgerIp",
                columns: new[] { "FilingDate", "Number", "CenterId", "Kind" },
                descending: new[] { true, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_Centers_Name",
                table: "Centers",
                column: "Name");
        }
    }
}
