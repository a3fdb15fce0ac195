using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FundsGrantSumsAndBoardOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FundWarnings_ResolvedAt_Kind",
                table: "FundWarnings");

            migrationBuilder.AddColumn<string>(
                name: "CenterName",
                table: "FundWarnings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "GrantTitle",
                table: "FundWarnings",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "FundGrantSums",
                columns: table => new
                {
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundGrantSums", x => new { x.GrantId, x.Kind, x.Code });
                });

            migrationBuilder.CreateIndex(
                name: "IX_FundWarnings_ResolvedAt_Kind_CenterName_GrantTitle_Id",
                table: "FundWarnings",
                columns: new[] { "ResolvedAt", "Kind", "CenterName", "GrantTitle", "Id" });

            // The board orders by the center's name and the grant's title (neither changes): copied onto the stored warnings.
            migrationBuilder.Sql(
                "UPDATE \"FundWarnings\" SET " +
                "\"CenterName\" = (SELECT c.\"Name\" FROM \"Centers\" AS c WHERE c.\"Id\" = \"FundWarnings\".\"CenterId\"), " +
                "\"GrantTitle\" = (SELECT g.\"Title\" FROM \"FundGrants\" AS g WHERE g.\"Id\" = \"FundWarnings\".\"GrantId\")");

            // The marker that asks the app to build the kept per-grant figures from the entries at its next start.
            migrationBuilder.InsertData(
                table: "FundGrantSums",
                columns: new[] { "GrantId", "Kind", "Code", "Value" },
                values: new object[] { Guid.Empty, "rebuild", "pending", 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FundGrantSums");

            migrationBuilder.DropIndex(
                name: "IX_FundWarnings_ResolvedAt_Kind_CenterName_GrantTitle_Id",
                table: "FundWarnings");

            migrationBuilder.DropColumn(
                name: "CenterName",
                table: "FundWarnings");

            migrationBuilder.DropColumn(
                name: "GrantTitle",
                table: "FundWarnings");

            migrationBuilder.CreateIndex(
                name: "IX_FundWarnings_ResolvedAt_Kind",
                table: "FundWarnings",
                columns: new[] { "ResolvedAt", "Kind" });
        }
    }
}
