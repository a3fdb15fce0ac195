using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCenter.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Centers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Centers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    KeyArea = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LeadOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApprovalNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PlaqueNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LegalEntityName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LegalEntityCreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    LegalEntityOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegisteredCapitalFen = table.Column<long>(type: "bigint", nullable: true),
                    FoundedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StatusSince = table.Column<DateOnly>(type: "date", nullable: false),
                    RevokedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Centers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Centers_Organizations_LeadOrganizationId",
                        column: x => x.LeadOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Centers_Organizations_LegalEntityOrganizationId",
                        column: x => x.LegalEntityOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CenterMemberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Region = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EquitySharePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    IsLead = table.Column<bool>(type: "boolean", nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CenterMemberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CenterMemberships_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CenterMemberships_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CenterStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    To = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Basis = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CenterStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CenterStatusChanges_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceSeats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Body = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PersonName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Position = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Affiliation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RepresentedOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Since = table.Column<DateOnly>(type: "date", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceSeats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceSeats_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GovernanceSeats_Organizations_RepresentedOrganizationId",
                        column: x => x.RepresentedOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerDeals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CounterpartyOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsSme = table.Column<bool>(type: "boolean", nullable: false),
                    IsFirstCommercial = table.Column<bool>(type: "boolean", nullable: false),
                    ContractValueFen = table.Column<long>(type: "bigint", nullable: false),
                    RevenueReceivedFen = table.Column<long>(type: "bigint", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerDeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerDeals_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerDeals_Organizations_CounterpartyOrganizationId",
                        column: x => x.CounterpartyOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerIncubated",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    FoundedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MoneyRaisedFen = table.Column<long>(type: "bigint", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerIncubated", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerIncubated_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerIntl",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Partner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerIntl", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerIntl_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerIp",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FilingDate = table.Column<DateOnly>(type: "date", nullable: false),
                    GrantDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerIp", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerIp_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerProjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BudgetFen = table.Column<long>(type: "bigint", nullable: false),
                    TrlStart = table.Column<int>(type: "integer", nullable: false),
                    TrlTarget = table.Column<int>(type: "integer", nullable: false),
                    TrlReached = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerProjects_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerSmeServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EnterpriseCreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    EnterpriseKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerSmeServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerSmeServices_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerStaff",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AllStaff = table.Column<int>(type: "integer", nullable: false),
                    RdStaff = table.Column<int>(type: "integer", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerStaff", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerStaff_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerStandards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Level = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Stage = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StageDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerStandards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerStandards_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerTalent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Headcount = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerTalent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerTalent_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerTraining",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PersonTimes = table.Column<int>(type: "integer", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerTraining", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerTraining_Centers_CenterId",
                        column: x => x.CenterId,
                        principalTable: "Centers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerReceipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerReceipts_LedgerDeals_DealId",
                        column: x => x.DealId,
                        principalTable: "LedgerDeals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerDealIps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    IpRecordId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerDealIps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerDealIps_LedgerDeals_DealId",
                        column: x => x.DealId,
                        principalTable: "LedgerDeals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LedgerDealIps_LedgerIp_IpRecordId",
                        column: x => x.IpRecordId,
                        principalTable: "LedgerIp",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerIpCoOwners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IpRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SharePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerIpCoOwners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerIpCoOwners_LedgerIp_IpRecordId",
                        column: x => x.IpRecordId,
                        principalTable: "LedgerIp",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LedgerIpCoOwners_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerProjectParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerProjectParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerProjectParticipants_LedgerProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "LedgerProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LedgerProjectParticipants_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerRevenueShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceiptId = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    SharePercent = table.Column<decimal>(type: "numeric(7,4)", precision: 7, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerRevenueShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerRevenueShares_LedgerReceipts_ReceiptId",
                        column: x => x.ReceiptId,
                        principalTable: "LedgerReceipts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LedgerRevenueShares_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CenterMemberships_CenterId_OrganizationId_JoinedOn",
                table: "CenterMemberships",
                columns: new[] { "CenterId", "OrganizationId", "JoinedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CenterMemberships_OrganizationId_LeftOn",
                table: "CenterMemberships",
                columns: new[] { "OrganizationId", "LeftOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Centers_ApplicationId",
                table: "Centers",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Centers_LeadOrganizationId",
                table: "Centers",
                column: "LeadOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Centers_LegalEntityOrganizationId",
                table: "Centers",
                column: "LegalEntityOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Centers_Name",
                table: "Centers",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Centers_Status",
                table: "Centers",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_CenterStatusChanges_CenterId_RecordedAt",
                table: "CenterStatusChanges",
                columns: new[] { "CenterId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceSeats_CenterId_Body",
                table: "GovernanceSeats",
                columns: new[] { "CenterId", "Body" });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceSeats_RepresentedOrganizationId",
                table: "GovernanceSeats",
                column: "RepresentedOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerDealIps_DealId_IpRecordId",
                table: "LedgerDealIps",
                columns: new[] { "DealId", "IpRecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerDealIps_IpRecordId",
                table: "LedgerDealIps",
                column: "IpRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerDeals_CenterId_Year",
                table: "LedgerDeals",
                columns: new[] { "CenterId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerDeals_CounterpartyOrganizationId",
                table: "LedgerDeals",
                column: "CounterpartyOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerIncubated_CenterId_CreditCode",
                table: "LedgerIncubated",
                columns: new[] { "CenterId", "CreditCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerIncubated_CenterId_Year",
                table: "LedgerIncubated",
                columns: new[] { "CenterId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerIntl_CenterId_Year",
                table: "LedgerIntl",
                columns: new[] { "CenterId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerIp_CenterId_Number",
                table: "LedgerIp",
                columns: new[] { "CenterId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerIp_CenterId_Year",
                table: "LedgerIp",
                columns: new[] { "CenterId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerIp_Kind_FilingDate",
                table: "LedgerIp",
                columns: new[] { "Kind", "FilingDate" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerIp_Kind_GrantDate",
                table: "LedgerIp",
                columns: new[] { "Kind", "GrantDate" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerIpCoOwners_IpRecordId_OrganizationId",
                table: "LedgerIpCoOwners",
                columns: new[] { "IpRecordId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerIpCoOwners_OrganizationId",
                table: "LedgerIpCoOwners",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerProjectParticipants_OrganizationId",
                table: "LedgerProjectParticipants",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerProjectParticipants_ProjectId_OrganizationId",
                table: "LedgerProjectParticipants",
                columns: new[] { "ProjectId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerProjects_CenterId_Year",
                table: "LedgerProjects",
                columns: new[] { "CenterId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerProjects_StartedOn_EndedOn",
                table: "LedgerProjects",
                columns: new[] { "StartedOn", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerReceipts_CenterId_Year",
                table: "LedgerReceipts",
                columns: new[] { "CenterId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerReceipts_DealId_ReceivedOn",
                table: "LedgerReceipts",
                columns: new[] { "DealId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerRevenueShares_OrganizationId_CenterId_Year",
                table: "LedgerRevenueShares",
                columns: new[] { "OrganizationId", "CenterId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerRevenueShares_ReceiptId_OrganizationId",
                table: "LedgerRevenueShares",
                columns: new[] { "ReceiptId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerSmeServices_CenterId_Year",
                table: "LedgerSmeServices",
                columns: new[] { "CenterId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerStaff_CenterId_Year",
                table: "LedgerStaff",
                columns: new[] { "CenterId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerStandards_CenterId_Year",
                table: "LedgerStandards",
                columns: new[] { "CenterId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTalent_CenterId_Year",
                table: "LedgerTalent",
                columns: new[] { "CenterId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTraining_CenterId_Year",
                table: "LedgerTraining",
                columns: new[] { "CenterId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CenterMemberships");

            migrationBuilder.DropTable(
                name: "CenterStatusChanges");

            migrationBuilder.DropTable(
                name: "GovernanceSeats");

            migrationBuilder.DropTable(
                name: "LedgerDealIps");

            migrationBuilder.DropTable(
                name: "LedgerIncubated");

            migrationBuilder.DropTable(
                name: "LedgerIntl");

            migrationBuilder.DropTable(
                name: "LedgerIpCoOwners");

            migrationBuilder.DropTable(
                name: "LedgerProjectParticipants");

            migrationBuilder.DropTable(
                name: "LedgerRevenueShares");

            migrationBuilder.DropTable(
                name: "LedgerSmeServices");

            migrationBuilder.DropTable(
                name: "LedgerStaff");

            migrationBuilder.DropTable(
                name: "LedgerStandards");

            migrationBuilder.DropTable(
                name: "LedgerTalent");

            migrationBuilder.DropTable(
                name: "LedgerTraining");

            migrationBuilder.DropTable(
                name: "LedgerIp");

            migrationBuilder.DropTable(
                name: "LedgerProjects");

            migrationBuilder.DropTable(
                name: "LedgerReceipts");

            migrationBuilder.DropTable(
                name: "LedgerDeals");

            migrationBuilder.DropTable(
                name: "Centers");
        }
    }
}
