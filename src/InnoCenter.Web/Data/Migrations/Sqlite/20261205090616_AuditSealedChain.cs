using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditSealedChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand: the rows of the unkeyed chain keep their sequence, take it as their arrival id and are
            // marked SHA-256, so verify still checks them (up to the signed legacy head the sealer writes once).
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_AuditEntries" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
                    "Sequence" INTEGER NULL,
                    "At" INTEGER NOT NULL,
                    "UserId" TEXT NULL,
                    "UserName" TEXT NULL,
                    "EntityType" TEXT NOT NULL,
                    "EntityId" TEXT NOT NULL,
                    "Action" TEXT NOT NULL,
                    "Before" TEXT NULL,
                    "After" TEXT NULL,
                    "PreviousHash" TEXT NULL,
                    "Hash" TEXT NULL,
                    "Algorithm" TEXT NULL);
                INSERT INTO "ef_temp_AuditEntries"
                    ("Id", "Sequence", "At", "UserId", "UserName", "EntityType", "EntityId", "Action", "Before", "After", "PreviousHash", "Hash", "Algorithm")
                SELECT "Sequence", "Sequence", "At", "UserId", "UserName", "EntityType", "EntityId", "Action", "Before", "After", "PreviousHash", "Hash", 'SHA-256'
                FROM "AuditEntries";
                DROP TABLE "AuditEntries";
                ALTER TABLE "ef_temp_AuditEntries" RENAME TO "AuditEntries";
                CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");
                CREATE INDEX "IX_AuditEntries_EntityType_EntityId" ON "AuditEntries" ("EntityType", "EntityId");
                CREATE UNIQUE INDEX "IX_AuditEntries_Sequence" ON "AuditEntries" ("Sequence");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Sequence",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Algorithm",
                table: "AuditEntries");

            migrationBuilder.AlterColumn<long>(
                name: "Sequence",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PreviousHash",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries",
                column: "Sequence");
        }
    }
}
