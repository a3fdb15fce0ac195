using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OfficeDealContractNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContractNumber",
                table: "LedgerDeals",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerDeals_CenterId_ContractNumber",
                table: "LedgerDeals",
                columns: new[] { "CenterId", "ContractNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerDeals_CenterId_ContractNumber",
                table: "LedgerDeals");

            migrationBuilder.DropColumn(
                name: "ContractNumber",
                table: "LedgerDeals");
        }
    }
}
