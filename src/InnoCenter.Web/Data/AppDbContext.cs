using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Ledger;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Infrastructure.Audit;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Data;

/// <summary>
/// The one database of the platform. Each provider has its own subclass so that each keeps its own migration set
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>); handlers only ever see this type.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PolicyPackRecord> PolicyPacks => Set<PolicyPackRecord>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    public DbSet<Features.Reminders.SentReminder> SentReminders => Set<Features.Reminders.SentReminder>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<Objection> Objections => Set<Objection>();

    public DbSet<Expert> Experts => Set<Expert>();

    public DbSet<ExpertTag> ExpertTags => Set<ExpertTag>();
    public DbSet<ApplicationStageClock> ApplicationStageClocks => Set<ApplicationStageClock>();

    public DbSet<ReviewSubject> ReviewSubjects => Set<ReviewSubject>();

    public DbSet<ConflictDeclaration> ConflictDeclarations => Set<ConflictDeclaration>();

    public DbSet<ConflictDismissal> ConflictDismissals => Set<ConflictDismissal>();

    public DbSet<ExpertInvitation> ExpertInvitations => Set<ExpertInvitation>();

    public DbSet<ExpertStandingConflict> ExpertStandingConflicts => Set<ExpertStandingConflict>();

    public DbSet<ExpertAffiliationChange> ExpertAffiliationChanges => Set<ExpertAffiliationChange>();

    public DbSet<ReviewPanel> ReviewPanels => Set<ReviewPanel>();

    public DbSet<PanelMember> PanelMembers => Set<PanelMember>();

    public DbSet<ExpertPoolSnapshot> ExpertPoolSnapshots => Set<ExpertPoolSnapshot>();

    public DbSet<ScoreSheet> ScoreSheets => Set<ScoreSheet>();

    public DbSet<SiteInspection> SiteInspections => Set<SiteInspection>();
    public DbSet<Center> Centers => Set<Center>();

    public DbSet<CenterMembership> CenterMemberships => Set<CenterMembership>();

    public DbSet<CenterStatusChange> CenterStatusChanges => Set<CenterStatusChange>();

    public DbSet<GovernanceSeat> GovernanceSeats => Set<GovernanceSeat>();

    public DbSet<RdProject> LedgerProjects => Set<RdProject>();

    public DbSet<IpRecord> LedgerIp => Set<IpRecord>();

    public DbSet<IpCoOwner> LedgerIpCoOwners => Set<IpCoOwner>();

    public DbSet<TransferDeal> LedgerDeals => Set<TransferDeal>();

    public DbSet<DealIp> LedgerDealIps => Set<DealIp>();

    public DbSet<DealReceipt> LedgerReceipts => Set<DealReceipt>();

    public DbSet<RevenueShare> LedgerRevenueShares => Set<RevenueShare>();

    public DbSet<StandardRecord> LedgerStandards => Set<StandardRecord>();

    public DbSet<IncubatedEnterprise> LedgerIncubated => Set<IncubatedEnterprise>();

    public DbSet<TalentRecord> LedgerTalent => Set<TalentRecord>();

    public DbSet<StaffYear> LedgerStaff => Set<StaffYear>();

    public DbSet<TrainingRecord> LedgerTraining => Set<TrainingRecord>();

    public DbSet<IntlCooperation> LedgerIntl => Set<IntlCooperation>();

    public DbSet<SmeService> LedgerSmeServices => Set<SmeService>();

    public DbSet<LedgerRollupRow> LedgerRollupRows => Set<LedgerRollupRow>();

    public DbSet<LedgerRecordCount> LedgerRecordCounts => Set<LedgerRecordCount>();

    public DbSet<AssessmentCycle> AssessmentCycles => Set<AssessmentCycle>();

    public DbSet<AnnualReport> AnnualReports => Set<AnnualReport>();

    public DbSet<ReportValue> AnnualReportValues => Set<ReportValue>();

    public DbSet<AssessmentResult> AssessmentResults => Set<AssessmentResult>();

    public DbSet<CycleStatistics> AssessmentCycleStatistics => Set<CycleStatistics>();

    public DbSet<AssessmentDecision> AssessmentDecisions => Set<AssessmentDecision>();

    public DbSet<InnoCenter.Domain.Documents.DocumentNumber> DocumentNumbers => Set<InnoCenter.Domain.Documents.DocumentNumber>();

    public DbSet<Infrastructure.Imports.ImportJob> ImportJobs => Set<Infrastructure.Imports.ImportJob>();

    public DbSet<Domain.Resources.ResearchResource> ResearchResources => Set<Domain.Resources.ResearchResource>();

    public DbSet<Domain.Resources.ResourceBlackout> ResourceBlackouts => Set<Domain.Resources.ResourceBlackout>();

    public DbSet<Domain.Resources.ResourceTraining> ResourceTrainings => Set<Domain.Resources.ResourceTraining>();

    public DbSet<Domain.Resources.ResourceBooking> ResourceBookings => Set<Domain.Resources.ResourceBooking>();

    public DbSet<Domain.Resources.OrganizationSmeStatus> ResourceSmeStatuses => Set<Domain.Resources.OrganizationSmeStatus>();

    public DbSet<Domain.Resources.ResourceFeedToken> ResourceFeedTokens => Set<Domain.Resources.ResourceFeedToken>();

    public DbSet<Domain.Resources.StatementPayment> ResourceStatementPayments => Set<Domain.Resources.StatementPayment>();

    public DbSet<Domain.Resources.ResourceYearFigure> ResourceYearFigures => Set<Domain.Resources.ResourceYearFigure>();

    public DbSet<Domain.Resources.ResourceYearAvailability> ResourceYearAvailabilities => Set<Domain.Resources.ResourceYearAvailability>();

    public DbSet<Domain.Resources.ResourceMonthCharge> ResourceMonthCharges => Set<Domain.Resources.ResourceMonthCharge>();

    public DbSet<InnoCenter.Domain.Funds.Grant> FundGrants => Set<InnoCenter.Domain.Funds.Grant>();
    public DbSet<InnoCenter.Domain.Funds.GrantLine> FundGrantLines => Set<InnoCenter.Domain.Funds.GrantLine>();
    public DbSet<InnoCenter.Domain.Funds.GrantLineShare> FundGrantLineShares => Set<InnoCenter.Domain.Funds.GrantLineShare>();
    public DbSet<InnoCenter.Domain.Funds.GrantChange> FundGrantChanges => Set<InnoCenter.Domain.Funds.GrantChange>();
    public DbSet<InnoCenter.Domain.Funds.Tranche> FundTranches => Set<InnoCenter.Domain.Funds.Tranche>();
    public DbSet<InnoCenter.Domain.Funds.FundReceipt> FundReceipts => Set<InnoCenter.Domain.Funds.FundReceipt>();
    public DbSet<InnoCenter.Domain.Funds.Clawback> FundClawbacks => Set<InnoCenter.Domain.Funds.Clawback>();
    public DbSet<InnoCenter.Domain.Funds.Expenditure> FundExpenditures => Set<InnoCenter.Domain.Funds.Expenditure>();
    public DbSet<InnoCenter.Domain.Funds.FundWarningRecord> FundWarningRecords => Set<InnoCenter.Domain.Funds.FundWarningRecord>();
    public DbSet<InnoCenter.Domain.Funds.FundYearTotal> FundYearTotals => Set<InnoCenter.Domain.Funds.FundYearTotal>();
    public DbSet<InnoCenter.Domain.Funds.FundGrantSum> FundGrantSums => Set<InnoCenter.Domain.Funds.FundGrantSum>();
    public DbSet<InnoCenter.Domain.Portal.TypicalCase> PortalCases => Set<InnoCenter.Domain.Portal.TypicalCase>();

    public DbSet<InnoCenter.Domain.Portal.TypicalCaseVersion> PortalCaseVersions => Set<InnoCenter.Domain.Portal.TypicalCaseVersion>();

    public DbSet<InnoCenter.Domain.Portal.PortalDocument> PortalDocuments => Set<InnoCenter.Domain.Portal.PortalDocument>();

    public DbSet<InnoCenter.Domain.Portal.PortalDocumentRevision> PortalDocumentRevisions => Set<InnoCenter.Domain.Portal.PortalDocumentRevision>();

    public DbSet<InnoCenter.Domain.Portal.Inquiry> PortalInquiries => Set<InnoCenter.Domain.Portal.Inquiry>();

    public DbSet<InnoCenter.Domain.Plans.PlanRevision> PlanRevisions => Set<InnoCenter.Domain.Plans.PlanRevision>();

    public DbSet<InnoCenter.Domain.Plans.PlanIndicator> PlanIndicators => Set<InnoCenter.Domain.Plans.PlanIndicator>();

    public DbSet<InnoCenter.Domain.Plans.PlanActual> PlanActuals => Set<InnoCenter.Domain.Plans.PlanActual>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset text; as UTC ticks it can, and every value here is UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

public sealed class DateTimeOffsetToUtcTicksConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
