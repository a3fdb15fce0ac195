using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticesPublicListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_NoticeStartsOn_Id",
                table: "Applications",
                columns: new[] { "Status", "NoticeStartsOn", "Id" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_NoticeStartsOn_Id",
                table: "Applications");
        }
    }
}
