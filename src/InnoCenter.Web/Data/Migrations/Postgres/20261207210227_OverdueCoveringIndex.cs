using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OverdueCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_StatusChangedAt",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_StatusChangedAt_PolicyCode_PolicyVersion",
                table: "Applications",
                columns: new[] { "Status", "StatusChangedAt", "PolicyCode", "PolicyVersion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_StatusChangedAt_PolicyCode_PolicyVersion",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_StatusChangedAt",
                table: "Applications",
                columns: new[] { "Status", "StatusChangedAt" });
        }
    }
}
