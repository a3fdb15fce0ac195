using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ResourcesSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ResearchResources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Model = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OpeningHoursText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    NeedsApproval = table.Column<bool>(type: "boolean", nullable: false),
                    NeedsTraining = table.Column<bool>(type: "boolean", nullable: false),
                    OpenToOutside = table.Column<bool>(type: "boolean", nullable: false),
                    FeeUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MemberFee = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    MemberFeeFen = table.Column<long>(type: "bigint", nullable: false),
                    OutsideFee = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    OutsideFeeFen = table.Column<long>(type: "bigint", nullable: false),
                    SmeFee = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    SmeFeeFen = table.Column<long>(type: "bigint", nullable: false),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResearchResources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResearchResources_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResearchResources_Organizations_OwnerOrganizationId",
                        column: x => x.OwnerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResourceFeedTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: true),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceFeedTokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResourceSmeStatuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceSmeStatuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceSmeStatuses_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResourceBlackouts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Starts = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Ends = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceBlackouts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceBlackouts_ResearchResources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "ResearchResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResourceBookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    BookerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    BookerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    BookerKind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Rate = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FeeUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitFee = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Starts = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Ends = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BookedMinutes = table.Column<int>(type: "integer", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LateCancel = table.Column<bool>(type: "boolean", nullable: false),
                    UsedMinutes = table.Column<int>(type: "integer", nullable: true),
                    Samples = table.Column<int>(type: "integer", nullable: true),
                    UsageConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UsageConfirmedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Charge = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ChargeFen = table.Column<long>(type: "bigint", nullable: false),
                    RescheduledFromId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceBookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceBookings_ResearchResources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "ResearchResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResourceTrainings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrainedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceTrainings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceTrainings_ResearchResources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "ResearchResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResearchResources_Category_Name_Id",
                table: "ResearchResources",
                columns: new[] { "Category", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ResearchResources_CenterId_Category",
                table: "ResearchResources",
                columns: new[] { "CenterId", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_ResearchResources_OwnerOrganizationId",
                table: "ResearchResources",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceBlackouts_ResourceId_Starts",
                table: "ResourceBlackouts",
                columns: new[] { "ResourceId", "Starts" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceBookings_BookerOrganizationId_Starts",
                table: "ResourceBookings",
                columns: new[] { "BookerOrganizationId", "Starts" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceBookings_BookerUserId_Starts",
                table: "ResourceBookings",
                columns: new[] { "BookerUserId", "Starts" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceBookings_CenterId_Status",
                table: "ResourceBookings",
                columns: new[] { "CenterId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceBookings_OwnerOrganizationId_Status",
                table: "ResourceBookings",
                columns: new[] { "OwnerOrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceBookings_ResourceId_Starts",
                table: "ResourceBookings",
                columns: new[] { "ResourceId", "Starts" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceFeedTokens_TokenHash",
                table: "ResourceFeedTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResourceFeedTokens_UserId_ResourceId",
                table: "ResourceFeedTokens",
                columns: new[] { "UserId", "ResourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceSmeStatuses_OrganizationId",
                table: "ResourceSmeStatuses",
                column: "OrganizationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResourceTrainings_ResourceId_UserId",
                table: "ResourceTrainings",
                columns: new[] { "ResourceId", "UserId" },
                unique: true);

            // Resources: no two active (Pending/Approved) bookings of one resource overlap, guaranteed by the database
            // under any concurrency (the handler only turns the refusal, SqlState 23P01, into a 409). btree_gist gives
            // GiST the equality on uuid that the exclusion constraint needs beside the range overlap.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql("""
                ALTER TABLE "ResourceBookings" ADD CONSTRAINT resource_booking_overlap
                EXCLUDE USING gist ("ResourceId" WITH =, tstzrange("Starts", "Ends", '[)') WITH &&)
                WHERE ("Status" IN ('Pending', 'Approved'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Resources: the overlap constraint of Up (the extension stays: other schemas may use it).
            migrationBuilder.Sql("""ALTER TABLE "ResourceBookings" DROP CONSTRAINT IF EXISTS resource_booking_overlap;""");

            migrationBuilder.DropTable(
                name: "ResourceBlackouts");

            migrationBuilder.DropTable(
                name: "ResourceBookings");

            migrationBuilder.DropTable(
                name: "ResourceFeedTokens");

            migrationBuilder.DropTable(
                name: "ResourceSmeStatuses");

            migrationBuilder.DropTable(
                name: "ResourceTrainings");

            migrationBuilder.DropTable(
                name: "ResearchResources");
        }
    }
}
