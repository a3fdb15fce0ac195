using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UsersListOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_IsActive_CreatedAt",
                table: "AspNetUsers",
                columns: new[] { "IsActive", "CreatedAt" },
                descending: new[] { false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_IsActive_CreatedAt",
                table: "AspNetUsers");
        }
    }
}
