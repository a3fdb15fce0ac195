using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PoolVersions : Migration
    {
        /// <summary>
        /// Each draw's recorded snapshot moves into one pool row per distinct snapshot (by the SHA-256 the draw recorded),
        /// as a whole snapshot (format draw-snapshot-v1), and the draw points at it: its verification reads exactly the
        /// text it hashed before. New draws store a pool version and their terms instead.
        /// </summary>
        private const string MoveSnapshots = """
            INSERT INTO "ExpertPoolSnapshots" ("Id", "Format", "Sha256", "Content", "ExpertCount", "CreatedAt")
            SELECT d."Id", 'draw-snapshot-v1', d."SnapshotSha256", d."SnapshotJson", d."EligibleCount", d."DrawnAt"
            FROM "PanelDraws" AS d
            WHERE d."Id" IN (
                SELECT f."Id" FROM (
                    SELECT "Id", ROW_NUMBER() OVER (PARTITION BY "SnapshotSha256" ORDER BY "DrawnAt", "Id") AS n FROM "PanelDraws") AS f
                WHERE f.n = 1);
            UPDATE "PanelDraws"
            SET "PoolSnapshotId" = (SELECT s."Id" FROM "ExpertPoolSnapshots" AS s WHERE s."Sha256" = "PanelDraws"."SnapshotSha256");
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExpertPoolSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Format = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    ExpertCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertPoolSnapshots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertPoolSnapshots_Sha256",
                table: "ExpertPoolSnapshots",
                column: "Sha256",
                unique: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PoolSnapshotId",
                table: "PanelDraws",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "TermsJson",
                table: "PanelDraws",
                type: "text",
                nullable: true);

            migrationBuilder.Sql(MoveSnapshots);

            migrationBuilder.DropColumn(
                name: "SnapshotJson",
                table: "PanelDraws");

            migrationBuilder.CreateIndex(
                name: "IX_PanelDraws_PoolSnapshotId",
                table: "PanelDraws",
                column: "PoolSnapshotId");

            migrationBuilder.AddForeignKey(
                name: "FK_PanelDraws_ExpertPoolSnapshots_PoolSnapshotId",
                table: "PanelDraws",
                column: "PoolSnapshotId",
                principalTable: "ExpertPoolSnapshots",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PanelDraws_ExpertPoolSnapshots_PoolSnapshotId",
                table: "PanelDraws");

            migrationBuilder.DropIndex(
                name: "IX_PanelDraws_PoolSnapshotId",
                table: "PanelDraws");

            migrationBuilder.AddColumn<string>(
                name: "SnapshotJson",
                table: "PanelDraws",
                type: "text",
                nullable: false,
                defaultValue: "");

            // Only a moved snapshot comes back whole; a draw made on a pool version keeps an empty snapshot.
            migrationBuilder.Sql("""
                UPDATE "PanelDraws"
                SET "SnapshotJson" = (SELECT s."Content" FROM "ExpertPoolSnapshots" AS s WHERE s."Id" = "PanelDraws"."PoolSnapshotId")
                WHERE "TermsJson" IS NULL;
                """);

            migrationBuilder.DropColumn(
                name: "PoolSnapshotId",
                table: "PanelDraws");

            migrationBuilder.DropColumn(
                name: "TermsJson",
                table: "PanelDraws");

            migrationBuilder.DropTable(
                name: "ExpertPoolSnapshots");
        }
    }
}
