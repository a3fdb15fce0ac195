using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerRecordCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LedgerRecordCounts",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CenterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerRecordCounts", x => new { x.Kind, x.CenterId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerRecordCounts_Kind_Count",
                table: "LedgerRecordCounts",
                columns: new[] { "Kind", "Count" });

            // The marker that asks the app to count the records per kind and center at its next start.
            migrationBuilder.InsertData(
                table: "LedgerRecordCounts",
                columns: new[] { "Kind", "CenterId", "Count" },
                values: new object[] { "_rebuild", Guid.Empty, 0 });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LedgerRecordCounts");
        }
    }
}
