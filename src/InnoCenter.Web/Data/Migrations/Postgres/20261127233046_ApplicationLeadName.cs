using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ApplicationLeadName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LeadName",
                table: "Applications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Applications already on record take their lead's current name.
            migrationBuilder.Sql(
                """UPDATE "Applications" SET "LeadName" = (SELECT "o"."Name" FROM "Organizations" AS "o" WHERE "o"."Id" = "Applications"."LeadOrganizationId")""");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_CenterName_LeadName_Status",
                table: "Applications",
                columns: new[] { "CenterName", "LeadName", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_CenterName_LeadName_Status",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "LeadName",
                table: "Applications");
        }
    }
}
