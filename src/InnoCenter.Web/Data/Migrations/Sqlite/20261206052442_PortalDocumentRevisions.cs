using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PortalDocumentRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RevisedAt",
                table: "PortalDocuments",
                type: "INTEGER",
                nullable: true);

            // HAND-EDITED (re-insert if regenerated): documents published before revisions existed are revision 1.
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "PortalDocuments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<long>(
                name: "WithdrawnAt",
                table: "PortalDocuments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WithdrawnBy",
                table: "PortalDocuments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnReason",
                table: "PortalDocuments",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PortalDocumentRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Publisher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    InForceFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ReplacedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReplacedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalDocumentRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalDocumentRevisions_PortalDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "PortalDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PortalDocumentRevisions_DocumentId_Number",
                table: "PortalDocumentRevisions",
                columns: new[] { "DocumentId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PortalDocumentRevisions");

            migrationBuilder.DropColumn(
                name: "RevisedAt",
                table: "PortalDocuments");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "PortalDocuments");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "PortalDocuments");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "PortalDocuments");

            migrationBuilder.DropColumn(
                name: "WithdrawnReason",
                table: "PortalDocuments");
        }
    }
}
