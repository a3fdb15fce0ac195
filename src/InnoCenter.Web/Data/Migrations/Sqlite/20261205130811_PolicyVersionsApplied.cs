using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PolicyVersionsApplied : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AppliedAt",
                table: "PolicyPacks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppliedBy",
                table: "PolicyPacks",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentHash",
                table: "PolicyPacks",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveFrom",
                table: "PolicyPacks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "PolicyPacks",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedBy",
                table: "PolicyPacks",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "PolicyPacks",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyPacks_Code_EffectiveFrom",
                table: "PolicyPacks",
                columns: new[] { "Code", "EffectiveFrom" });

            // Versions stored before this release were each in force from when they were loaded; the one that was
            // active stays in force (a later effective date than the others). Version 1 came from the release's
            // file; later ones cannot be told apart, so they count as an Admin's, which a release file never overrides.
            migrationBuilder.Sql("""
                UPDATE "PolicyPacks" SET
                    "AppliedAt" = "LoadedAt",
                    "AppliedBy" = 'system',
                    "EffectiveFrom" = CASE WHEN "IsActive" = 1 THEN '2000-01-02' ELSE '2000-01-01' END,
                    "Source" = CASE WHEN "Version" = 1 THEN 'File' ELSE 'Admin' END
                """);

            migrationBuilder.DropColumn(
                name: "IsActive",
                table: "PolicyPacks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PolicyPacks_Code_EffectiveFrom",
                table: "PolicyPacks");

            migrationBuilder.DropColumn(
                name: "AppliedAt",
                table: "PolicyPacks");

            migrationBuilder.DropColumn(
                name: "AppliedBy",
                table: "PolicyPacks");

            migrationBuilder.DropColumn(
                name: "ContentHash",
                table: "PolicyPacks");

            migrationBuilder.DropColumn(
                name: "EffectiveFrom",
                table: "PolicyPacks");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "PolicyPacks");

            migrationBuilder.DropColumn(
                name: "ProposedBy",
                table: "PolicyPacks");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "PolicyPacks");

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "PolicyPacks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }
    }
}
