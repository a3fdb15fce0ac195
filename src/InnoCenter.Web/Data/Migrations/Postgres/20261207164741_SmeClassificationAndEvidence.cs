using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SmeClassificationAndEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "AnnualRevenue",
                table: "ResourceSmeStatuses",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DeclaredBy",
                table: "ResourceSmeStatuses",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Employees",
                table: "ResourceSmeStatuses",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EvidenceFileId",
                table: "ResourceSmeStatuses",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Industry",
                table: "ResourceSmeStatuses",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RejectedAt",
                table: "ResourceSmeStatuses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionReason",
                table: "ResourceSmeStatuses",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnnualRevenue",
                table: "ResourceSmeStatuses");

            migrationBuilder.DropColumn(
                name: "DeclaredBy",
                table: "ResourceSmeStatuses");

            migrationBuilder.DropColumn(
                name: "Employees",
                table: "ResourceSmeStatuses");

            migrationBuilder.DropColumn(
                name: "EvidenceFileId",
                table: "ResourceSmeStatuses");

            migrationBuilder.DropColumn(
                name: "Industry",
                table: "ResourceSmeStatuses");

            migrationBuilder.DropColumn(
                name: "RejectedAt",
                table: "ResourceSmeStatuses");

            migrationBuilder.DropColumn(
                name: "RejectionReason",
                table: "ResourceSmeStatuses");
        }
    }
}
