using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssessmentCycleStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentCycleStatistics",
                columns: table => new
                {
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiguresJson = table.Column<string>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentCycleStatistics", x => x.CycleId);
                    table.ForeignKey(
                        name: "FK_AssessmentCycleStatistics_AssessmentCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "AssessmentCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentCycleStatistics");
        }
    }
}
