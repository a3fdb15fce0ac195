using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ResourcesYearFiguresOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Lead",
                table: "ResourceYearFigures",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ResourceName",
                table: "ResourceYearFigures",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "ResourceUsedMinutes",
                table: "ResourceYearFigures",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_ResourceYearFigures_Year_Lead_ResourceUsedMinutes_ResourceN~",
                table: "ResourceYearFigures",
                columns: new[] { "Year", "Lead", "ResourceUsedMinutes", "ResourceName", "ResourceId" },
                descending: new[] { false, false, true, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceYearFigures_Year_ResourceId",
                table: "ResourceYearFigures",
                columns: new[] { "Year", "ResourceId" });

            // The marker that asks the app to rebuild the kept figures at its next start, so the rows written before
            // carry their resource's name, its used minutes and the lead row (a database made afresh has the first
            // migration's marker still).
            migrationBuilder.Sql("INSERT INTO \"ResourceYearFigures\" (\"ResourceId\", \"OwnerOrganizationId\", \"Year\", \"CenterId\", \"BookedMinutes\", \"UsedMinutes\", \"MemberMinutes\", \"OutsideMinutes\", \"IncomeFen\", \"ResourceName\", \"ResourceUsedMinutes\", \"Lead\") VALUES ('00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000', 0, '00000000-0000-0000-0000-000000000000', 0, 0, 0, 0, 0, '', 0, FALSE) ON CONFLICT DO NOTHING");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ResourceYearFigures_Year_Lead_ResourceUsedMinutes_ResourceN~",
                table: "ResourceYearFigures");

            migrationBuilder.DropIndex(
                name: "IX_ResourceYearFigures_Year_ResourceId",
                table: "ResourceYearFigures");

            migrationBuilder.DropColumn(
                name: "Lead",
                table: "ResourceYearFigures");

            migrationBuilder.DropColumn(
                name: "ResourceName",
                table: "ResourceYearFigures");

            migrationBuilder.DropColumn(
                name: "ResourceUsedMinutes",
                table: "ResourceYearFigures");
        }
    }
}
