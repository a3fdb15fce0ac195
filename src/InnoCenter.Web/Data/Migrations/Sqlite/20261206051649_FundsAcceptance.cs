using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Comment",
                table: "FundGrantTargets",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verdict",
                table: "FundGrantTargets",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EvaluationRequestedAt",
                table: "FundGrants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EvaluationSubmittedAt",
                table: "FundGrants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EvaluationSubmittedBy",
                table: "FundGrants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verdict",
                table: "FundGrants",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "VerdictAt",
                table: "FundGrants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "VerdictBy",
                table: "FundGrants",
                type: "TEXT",
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
