using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AssessmentResultUnfiled : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Unfiled",
                table: "AssessmentResults",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Unfiled",
                table: "AssessmentResults");
        }
    }
}
