using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Terms = table.Column<string>(type: "TEXT", nullable: false)
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

            // The FTS5 index over the application's tokens (SearchTerms): the ascii tokenizer splits on spaces and keeps
            // every non-ASCII character, so the bigrams reach it unchanged; detail=none because only AND/prefix is asked.
            // Its content is SearchEntries, kept in step by the triggers; the rows are filled at the first start.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchEntriesFts" USING fts5("Terms", content='SearchEntries', content_rowid='Id', tokenize='ascii', detail='none');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_ai" AFTER INSERT ON "SearchEntries" BEGIN
                  INSERT INTO "SearchEntriesFts"(rowid, "Terms") VALUES (new."Id", new."Terms");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_ad" AFTER DELETE ON "SearchEntries" BEGIN
                  INSERT INTO "SearchEntriesFts"("SearchEntriesFts", rowid, "Terms") VALUES ('delete', old."Id", old."Terms");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_au" AFTER UPDATE ON "SearchEntries" BEGIN
                  INSERT INTO "SearchEntriesFts"("SearchEntriesFts", rowid, "Terms") VALUES ('delete', old."Id", old."Terms");
                  INSERT INTO "SearchEntriesFts"(rowid, "Terms") VALUES (new."Id", new."Terms");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchEntries_ai";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchEntries_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchEntries_au";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchEntriesFts";""");
            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
