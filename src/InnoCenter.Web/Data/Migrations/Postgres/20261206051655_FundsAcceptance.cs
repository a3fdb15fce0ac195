using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FundsAcceptance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "ActualValue",
                table: "FundGrantTargets",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Comment",
                table: "FundGrantTargets",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verdict",
                table: "FundGrantTargets",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EvaluationRequestedAt",
                table: "FundGrants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EvaluationSubmittedAt",
                table: "FundGrants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EvaluationSubmittedBy",
                table: "FundGrants",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verdict",
                table: "FundGrants",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "VerdictAt",
                table: "FundGrants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "VerdictBy",
                table: "FundGrants",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ActualValue",
                table: "FundGrantTargets");

            migrationBuilder.DropColumn(
                name: "Comment",
                table: "FundGrantTargets");

            migrationBuilder.DropColumn(
                name: "Verdict",
                table: "FundGrantTargets");

            migrationBuilder.DropColumn(
                name: "EvaluationRequestedAt",
                table: "FundGrants");

            migrationBuilder.DropColumn(
                name: "EvaluationSubmittedAt",
                table: "FundGrants");

            migrationBuilder.DropColumn(
                name: "EvaluationSubmittedBy",
                table: "FundGrants");

            migrationBuilder.DropColumn(
                name: "Verdict",
                table: "FundGrants");

            migrationBuilder.DropColumn(
                name: "VerdictAt",
                table: "FundGrants");

            migrationBuilder.DropColumn(
                name: "VerdictBy",
                table: "FundGrants");
        }
    }
}
