using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RollupKeptLedgerRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LedgerRollupRows",
                columns: table => new
                {
                    CenterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Figure = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Running = table.Column<bool>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerRollupRows", x => new { x.CenterId, x.Year, x.Figure });
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerRollupRows_Running_Year",
                table: "LedgerRollupRows",
                columns: new[] { "Running", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerRollupRows_Year_Running",
                table: "LedgerRollupRows",
                columns: new[] { "Year", "Running" });

            // The backfill: the next start (DatabaseSetup.MigrateAsync) sees this marker and rebuilds every row from the
            // records already stored, with the same code that keeps them (LedgerRollupRebuild), then removes it.
            migrationBuilder.InsertData(
                table: "LedgerRollupRows",
                columns: new[] { "CenterId", "Year", "Figure", "Running", "Value" },
                values: new object[] { Guid.Empty, 0, "rebuild/pending", false, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LedgerRollupRows");
        }
    }
}
