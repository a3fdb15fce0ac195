using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FundsWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FundWarnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectZh = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SubjectEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Figure = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    MessageZh = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    MessageEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FollowUp = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FollowUpBy = table.Column<Guid>(type: "uuid", nullable: true),
                    FollowUpAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundWarnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundWarnings_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FundWarnings_FundGrants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "FundGrants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FundWarnings_CenterId",
                table: "FundWarnings",
                column: "CenterId");

            migrationBuilder.CreateIndex(
                name: "IX_FundWarnings_GrantId",
                table: "FundWarnings",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_FundWarnings_ResolvedAt_Kind",
                table: "FundWarnings",
                columns: new[] { "ResolvedAt", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FundWarnings");
        }
    }
}
