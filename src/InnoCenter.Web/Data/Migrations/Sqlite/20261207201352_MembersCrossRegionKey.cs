using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MembersCrossRegionKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Data only: rows that named the cross-region members' figure by its former, Tianjin-only key.
            migrationBuilder.Sql(InnoCenter.Web.Data.Migrations.CrossRegionKeyRename.Sql());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The former key is still read where pack rules name it; the renamed rows stay as they are.
        }
    }
}
