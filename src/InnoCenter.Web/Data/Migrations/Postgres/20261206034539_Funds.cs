using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Funds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FundGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Form = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PolicyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PolicyVersion = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    DraftedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundGrants_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundClawbacks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SettledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SettledBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundClawbacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundClawbacks_FundGrants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "FundGrants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundGrantChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FromLineId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToLineId = table.Column<Guid>(type: "uuid", nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    AmountFen = table.Column<long>(type: "bigint", nullable: true),
                    OldPeriodTo = table.Column<DateOnly>(type: "date", nullable: true),
                    NewPeriodTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundGrantChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundGrantChanges_FundGrants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "FundGrants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundGrantEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    To = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    By = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundGrantEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundGrantEvents_FundGrants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "FundGrants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundGrantLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundGrantLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundGrantLines_FundGrants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "FundGrants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundGrantTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Indicator = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TargetValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundGrantTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundGrantTargets_FundGrants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "FundGrants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundReceipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TrancheId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundReceipts_FundGrants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "FundGrants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundTranches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IsFinal = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PlannedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    PlannedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReleasedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReleasedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundTranches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundTranches_FundGrants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "FundGrants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundExpenditures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SpentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Payee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    ReversesId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundExpenditures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundExpenditures_FundGrantLines_LineId",
                        column: x => x.LineId,
                        principalTable: "FundGrantLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FundExpenditures_FundGrants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "FundGrants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundGrantLineShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundGrantLineShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundGrantLineShares_FundGrantLines_LineId",
                        column: x => x.LineId,
                        principalTable: "FundGrantLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FundClawbacks_GrantId_SettledOn",
                table: "FundClawbacks",
                columns: new[] { "GrantId", "SettledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FundExpenditures_CenterId_SpentOn",
                table: "FundExpenditures",
                columns: new[] { "CenterId", "SpentOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FundExpenditures_GrantId_LineId_SpentOn",
                table: "FundExpenditures",
                columns: new[] { "GrantId", "LineId", "SpentOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FundExpenditures_LineId",
                table: "FundExpenditures",
                column: "LineId");

            migrationBuilder.CreateIndex(
                name: "IX_FundExpenditures_ReversesId",
                table: "FundExpenditures",
                column: "ReversesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundGrantChanges_GrantId",
                table: "FundGrantChanges",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_FundGrantChanges_Status_RequestedAt",
                table: "FundGrantChanges",
                columns: new[] { "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FundGrantEvents_GrantId_At",
                table: "FundGrantEvents",
                columns: new[] { "GrantId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FundGrantLines_GrantId_Category",
                table: "FundGrantLines",
                columns: new[] { "GrantId", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundGrantLineShares_GrantId_Source",
                table: "FundGrantLineShares",
                columns: new[] { "GrantId", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_FundGrantLineShares_LineId_Source",
                table: "FundGrantLineShares",
                columns: new[] { "LineId", "Source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundGrants_CenterId_PeriodFrom",
                table: "FundGrants",
                columns: new[] { "CenterId", "PeriodFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_FundGrants_Status_PeriodTo",
                table: "FundGrants",
                columns: new[] { "Status", "PeriodTo" });

            migrationBuilder.CreateIndex(
                name: "IX_FundGrantTargets_GrantId",
                table: "FundGrantTargets",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_FundReceipts_GrantId_Source_ReceivedOn",
                table: "FundReceipts",
                columns: new[] { "GrantId", "Source", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FundReceipts_TrancheId",
                table: "FundReceipts",
                column: "TrancheId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundTranches_GrantId_Sequence",
                table: "FundTranches",
                columns: new[] { "GrantId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundTranches_Status_PlannedOn",
                table: "FundTranches",
                columns: new[] { "Status", "PlannedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FundClawbacks");

            migrationBuilder.DropTable(
                name: "FundExpenditures");

            migrationBuilder.DropTable(
                name: "FundGrantChanges");

            migrationBuilder.DropTable(
                name: "FundGrantEvents");

            migrationBuilder.DropTable(
                name: "FundGrantLineShares");

            migrationBuilder.DropTable(
                name: "FundGrantTargets");

            migrationBuilder.DropTable(
                name: "FundReceipts");

            migrationBuilder.DropTable(
                name: "FundTranches");

            migrationBuilder.DropTable(
                name: "FundGrantLines");

            migrationBuilder.DropTable(
                name: "FundGrants");
        }
    }
}
