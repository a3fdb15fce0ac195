using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewSubjects_Year",
                table: "ReviewSubjects");

            migrationBuilder.DropIndex(
                name: "IX_LedgerIp_Kind_GrantDate",
                table: "LedgerIp");

            migrationBuilder.DropIndex(
                name: "IX_Centers_Status",
                table: "Centers");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSubjects_Year_CreatedAt_Id",
                table: "ReviewSubjects",
                columns: new[] { "Year", "CreatedAt", "Id" },
                descending: new[] { true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTraining_Year_CreatedAt_Id",
                table: "LedgerTraining",
                columns: new[] { "Year", "CreatedAt", "Id" },
                descending: new[] { true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTalent_Year_CreatedAt_Id",
                table: "LedgerTalent",
                columns: new[] { "Year", "CreatedAt", "Id" },
                descending: new[] { true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerStandards_Year_CreatedAt_Id",
                table: "LedgerStandards",
                columns: new[] { "Year", "CreatedAt", "Id" },
                descending: new[] { true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerSmeServices_Year_CreatedAt_Id",
                table: "LedgerSmeServices",
                columns: new[] { "Year", "CreatedAt", "Id" },
                descending: new[] { true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerProjects_Year_CreatedAt_Id",
                table: "LedgerProjects",
                columns: new[] { "Year", "CreatedAt", "Id" },
                descending: new[] { true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerIp_FilingDate_Number_CenterId_Kind",
                table: "LedgerIp",
                columns: new[] { "FilingDate", "Number", "CenterId", "Kind" },
                descending: new[] { true, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerIp_Kind_GrantDate_CenterId",
                table: "LedgerIp",
                columns: new[] { "Kind", "GrantDate", "CenterId" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerIntl_Year_CreatedAt_Id",
                table: "LedgerIntl",
                columns: new[] { "Year", "CreatedAt", "Id" },
                descending: new[] { true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerIncubated_Year_CreatedAt_Id",
                table: "LedgerIncubated",
                columns: new[] { "Year", "CreatedAt", "Id" },
                descending: new[] { true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerDeals_SignedOn_Id",
                table: "LedgerDeals",
                columns: new[] { "SignedOn", "Id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Centers_ApprovedOn_Name_Id",
                table: "Centers",
                columns: new[] { "ApprovedOn", "Name", "Id" },
                descending: new[] { true, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_Centers_Status_ApprovedOn_Name_Id",
                table: "Centers",
                columns: new[] { "Status", "ApprovedOn", "Name", "Id" },
                descending: new[] { false, true, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_NoticeStartsOn_Id",
                table: "Applications",
                columns: new[] { "NoticeStartsOn", "Id" },
                descending: new[] { true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewSubjects_Year_CreatedAt_Id",
                table: "ReviewSubjects");

            migrationBuilder.DropIndex(
                name: "IX_LedgerTraining_Year_CreatedAt_Id",
                table: "LedgerTraining");

            migrationBuilder.DropIndex(
                name: "IX_LedgerTalent_Year_CreatedAt_Id",
                table: "LedgerTalent");

            migrationBuilder.DropIndex(
                name: "IX_LedgerStandards_Year_CreatedAt_Id",
                table: "LedgerStandards");

            migrationBuilder.DropIndex(
                name: "IX_LedgerSmeServices_Year_CreatedAt_Id",
                table: "LedgerSmeServices");

            migrationBuilder.DropIndex(
                name: "IX_LedgerProjects_Year_CreatedAt_Id",
                table: "LedgerProjects");

            migrationBuilder.DropIndex(
                name: "IX_LedgerIp_FilingDate_Number_CenterId_Kind",
                table: "LedgerIp");

            migrationBuilder.DropIndex(
                name: "IX_LedgerIp_Kind_GrantDate_CenterId",
                table: "LedgerIp");

            migrationBuilder.DropIndex(
                name: "IX_LedgerIntl_Year_CreatedAt_Id",
                table: "LedgerIntl");

            migrationBuilder.DropIndex(
                name: "IX_LedgerIncubated_Year_CreatedAt_Id",
                table: "LedgerIncubated");

            migrationBuilder.DropIndex(
                name: "IX_LedgerDeals_SignedOn_Id",
                table: "LedgerDeals");

            migrationBuilder.DropIndex(
                name: "IX_Centers_ApprovedOn_Name_Id",
                table: "Centers");

            migrationBuilder.DropIndex(
                name: "IX_Centers_Status_ApprovedOn_Name_Id",
                table: "Centers");

            migrationBuilder.DropIndex(
                name: "IX_Applications_NoticeStartsOn_Id",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSubjects_Year",
                table: "ReviewSubjects",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerIp_Kind_GrantDate",
                table: "LedgerIp",
                columns: new[] { "Kind", "GrantDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Centers_Status",
                table: "Centers",
                column: "Status");
        }
    }
}
