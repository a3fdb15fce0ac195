using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Portal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PortalCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CenterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublishedVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Featured = table.Column<bool>(type: "INTEGER", nullable: false),
                    WithdrawnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublicTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PublicSummary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PublicTask = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalCases_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PortalDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndexNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Publisher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalInquiries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AskerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AskerEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConsentToPublish = table.Column<bool>(type: "INTEGER", nullable: false),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalInquiries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalCaseVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Task = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Remarks = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalCaseVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalCaseVersions_PortalCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "PortalCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PortalCases_CenterId_CreatedAt",
                table: "PortalCases",
                columns: new[] { "CenterId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalCases_Status_PublicTask_PublishedAt",
                table: "PortalCases",
                columns: new[] { "Status", "PublicTask", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalCases_Status_PublishedAt",
                table: "PortalCases",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalCaseVersions_CaseId_Number",
                table: "PortalCaseVersions",
                columns: new[] { "CaseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalCaseVersions_Status",
                table: "PortalCaseVersions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_PortalDocuments_IndexNumber",
                table: "PortalDocuments",
                column: "IndexNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalDocuments_PublishedAt",
                table: "PortalDocuments",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PortalInquiries_AnsweredAt_DueOn",
                table: "PortalInquiries",
                columns: new[] { "AnsweredAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalInquiries_IsPublic_AnsweredAt",
                table: "PortalInquiries",
                columns: new[] { "IsPublic", "AnsweredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PortalCaseVersions");

            migrationBuilder.DropTable(
                name: "PortalDocuments");

            migrationBuilder.DropTable(
                name: "PortalInquiries");

            migrationBuilder.DropTable(
                name: "PortalCases");
        }
    }
}
