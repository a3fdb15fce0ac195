using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PortalDocumentRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RevisedAt",
                table: "PortalDocuments",
                type: "timestamp with time zone",
                nullable: true);

            // HAND-EDITED (re-insert if regenerated): documents published before revisions existed are revision 1.
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "PortalDocuments",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WithdrawnAt",
                table: "PortalDocuments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WithdrawnBy",
                table: "PortalDocuments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnReason",
                table: "PortalDocuments",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PortalDocumentRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Publisher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Body = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    BodyHtml = table.Column<string>(type: "text", nullable: false),
                    InForceFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReplacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReplacedBy = table.Column<Guid>(type: "uuid", nullable: true)
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
