using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Assessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentCycles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PolicyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RulesJson = table.Column<string>(type: "TEXT", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScoredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ScoredBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExclusionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentCycles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AnnualReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CenterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRecheck = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LedgerReadAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmittedLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualReports_AssessmentCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "AssessmentCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnnualReports_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CenterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StandingAfter = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContinuedSupport = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublicNotice = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecheckYear = table.Column<int>(type: "INTEGER", nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PolicyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentDecisions_AssessmentCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "AssessmentCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentDecisions_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnnualReportValues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LedgerValue = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EvidenceFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReportValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualReportValues_AnnualReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "AnnualReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CenterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsComplete = table.Column<bool>(type: "INTEGER", nullable: false),
                    DetailJson = table.Column<string>(type: "TEXT", nullable: false),
                    ScoredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentResults_AnnualReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "AnnualReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentResults_AssessmentCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "AssessmentCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_CenterId_Year",
                table: "AnnualReports",
                columns: new[] { "CenterId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_CycleId_CenterId",
                table: "AnnualReports",
                columns: new[] { "CycleId", "CenterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_CycleId_Status",
                table: "AnnualReports",
                columns: new[] { "CycleId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReportValues_ReportId_Code",
                table: "AnnualReportValues",
                columns: new[] { "ReportId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentCycles_Year",
                table: "AssessmentCycles",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentDecisions_CenterId_Year",
                table: "AssessmentDecisions",
                columns: new[] { "CenterId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentDecisions_CycleId_CenterId",
                table: "AssessmentDecisions",
                columns: new[] { "CycleId", "CenterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentResults_CenterId_Year",
                table: "AssessmentResults",
                columns: new[] { "CenterId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentResults_CycleId_CenterId",
                table: "AssessmentResults",
                columns: new[] { "CycleId", "CenterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentResults_ReportId",
                table: "AssessmentResults",
                column: "ReportId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnualReportValues");

            migrationBuilder.DropTable(
                name: "AssessmentDecisions");

            migrationBuilder.DropTable(
                name: "AssessmentResults");

            migrationBuilder.DropTable(
                name: "AnnualReports");

            migrationBuilder.DropTable(
                name: "AssessmentCycles");
        }
    }
}
