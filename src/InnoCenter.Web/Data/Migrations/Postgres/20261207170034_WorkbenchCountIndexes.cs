using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkbenchCountIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PanelMembers_PanelId_Status",
                table: "PanelMembers",
                columns: new[] { "PanelId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FundGrants_Status_EvaluationSubmittedAt",
                table: "FundGrants",
                columns: new[] { "Status", "EvaluationSubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_RequestedRole_IsActive",
                table: "AspNetUsers",
                columns: new[] { "RequestedRole", "IsActive" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PanelMembers_PanelId_Status",
                table: "PanelMembers");

            migrationBuilder.DropIndex(
                name: "IX_FundGrants_Status_EvaluationSubmittedAt",
                table: "FundGrants");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_RequestedRole_IsActive",
                table: "AspNetUsers");
        }
    }
}
