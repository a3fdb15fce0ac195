using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    Terms = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Kind_RecordId",
                table: "SearchEntries",
                columns: new[] { "Kind", "RecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_RecordId",
                table: "SearchEntries",
                column: "RecordId");

            // The tokens (SearchTerms) taken as lexemes verbatim (no parser, no dictionary: the 'simple' behaviour
            // without depending on the server's locale to see CJK as letters), in a generated tsvector with a GIN index.
            migrationBuilder.Sql("""
                ALTER TABLE "SearchEntries" ADD COLUMN "Vector" tsvector
                  GENERATED ALWAYS AS (array_to_tsvector(string_to_array("Terms", ' '))) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchEntries_Vector" ON "SearchEntries" USING GIN ("Vector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
