using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DeclaredBy",
                table: "ResourceSmeStatuses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Employees",
                table: "ResourceSmeStatuses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EvidenceFileId",
                table: "ResourceSmeStatuses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Industry",
                table: "ResourceSmeStatuses",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RejectedAt",
                table: "ResourceSmeStatuses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionReason",
                table: "ResourceSmeStatuses",
                type: "TEXT",
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
