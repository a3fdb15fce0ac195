using InnoCenter.Web.Infrastructure.Audit;
using InnoCenter.Web.Infrastructure.Jobs;
using InnoCenter.Web.Infrastructure.Startup;

namespace InnoCenter.Web.Infrastructure.Backup;

/// <summary>
/// The operator's verbs, read before the web host starts:
/// <c>backup [--to DIR]</c>, <c>restore --from DIR --yes</c>, <c>rollup-rebuild</c> (recomputes the kept ledger roll-up, the resources' yearly figures and the funds' yearly totals and per-grant figures, the ledger's record counts) and
/// <c>search-rebuild</c> (recomputes the text-search index); every other argument (<c>--Key=Value</c>) is
/// configuration, as for the web app. The verbs are parsed here and nowhere else, apart from the web app's own flags.
/// </summary>
public static class OpsCommands
{
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && args[0] is "backup" or "restore" or "rollup-rebuild" or "search-rebuild";

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var verb = args[0];
        string? to = null;
        string? from = null;
        var confirmed = false;
        var settings = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--to" when i + 1 < args.Length:
                    to = args[++i];
                    break;
                case "--from" when i + 1 < args.Length:
                    from = args[++i];
                    break;
                case "--yes":
                    confirmed = true;
                    break;
                default:
                    settings.Add(args[i]);
                    break;
            }
        }

        if (verb == "restore" && from is null)
        {
            await error.WriteLineAsync("Usage: restore --from <backup folder> --yes   (用法：restore --from 备份目录 --yes)");
            return 1;
        }

        if (verb == "restore" && !confirmed)
        {
            await error.WriteLineAsync(
                "A restore replaces the whole database and file store with the backup's. Stop every web node, then run again with --yes.\n" +
                "恢复将用备份替换整个数据库和文件库。请先停止所有 Web 节点，再加 --yes 重新运行。");
            return 1;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. settings] });
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddAppDatabase(builder.Configuration, builder.Environment);
        services.AddAuditChain();
        Policy.PolicyRegistration.AddPolicy(services);
        services.AddScoped<JobLeases>();
        services.AddScoped<BackupService>();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        if (verb == "rollup-rebuild")
        {
            var code = await Features.Ledger.Rollup.LedgerRollupRebuild.RunCommandAsync(scope.ServiceProvider, output);
            var figures = await Features.Resources.ResourceYearSums.RebuildAsync(scope.ServiceProvider.GetRequiredService<Data.AppDbContext>(), CancellationToken.None);
            await output.WriteLineAsync($"Shared resources' yearly figures rebuilt from the bookings: {figures} rows. 共享资源年度统计已按预约重建：{figures} 行。");
            var charges = await Features.Resources.ResourceMonthCharges.RebuildAsync(scope.ServiceProvider.GetRequiredService<Data.AppDbContext>(), CancellationToken.None);
            await output.WriteLineAsync($"Shared resources' monthly charges per payer rebuilt from the bookings: {charges} rows. 共享资源月度对账金额已按预约重建：{charges} 行。");
            var totals = await Features.Funds.FundYearTotals.RebuildAsync(scope.ServiceProvider.GetRequiredService<Data.AppDbContext>(), CancellationToken.None);
            await output.WriteLineAsync($"Special funds' yearly totals rebuilt from the receipts and expenditures: {totals} rows. 专项资金年度合计已按到位与支出重建：{totals} 行。");
            var grantSums = await Features.Funds.FundGrantSums.RebuildAsync(scope.ServiceProvider.GetRequiredService<Data.AppDbContext>(), CancellationToken.None);
            await output.WriteLineAsync($"Special funds' figures per grant rebuilt from the entries: {grantSums} rows. 专项资金各项目数据已按明细重建：{grantSums} 行。");
            var recordCounts = await Features.Ledger.LedgerRecordCounts.RebuildAsync(scope.ServiceProvider.GetRequiredService<Data.AppDbContext>(), CancellationToken.None);
            await output.WriteLineAsync($"Ledger record counts per kind and center rebuilt from the records: {recordCounts} rows. 台账各类记录数已按记录重建：{recordCounts} 行。");
            // The stage clocks read each application's pack version: the packs are loaded as at a start.
            await Policy.PolicyPackLoader.LoadAsync(app.Services);
            var clocks = await Features.Applications.ApplicationStageClocks.RebuildAsync(
                scope.ServiceProvider.GetRequiredService<Data.AppDbContext>(), scope.ServiceProvider.GetRequiredService<Policy.PolicyVersions>(), CancellationToken.None);
            await output.WriteLineAsync($"Applications' stage clocks rebuilt from their stages and pack versions: {clocks} rows. 申报各阶段办理时限已按阶段与政策版本重建：{clocks} 行。");
            return code;
        }

        if (verb == "search-rebuild")
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
            var indexed = await Search.SearchIndex.RebuildAsync(db, [.. scope.ServiceProvider.GetServices<Search.ISearchKind>()], CancellationToken.None);
            await output.WriteLineAsync($"Search index rebuilt: {indexed} records. 检索索引已重建：{indexed} 条记录。");
            return 0;
        }

        var backups = scope.ServiceProvider.GetRequiredService<BackupService>();
        try
        {
            if (verb == "backup")
            {
                var folder = await backups.BackupAsync(to ?? backups.DefaultDirectory, CancellationToken.None);
                await output.WriteLineAsync(folder);
            }
            else
            {
                var (sequence, _) = await backups.RestoreAsync(from!, CancellationToken.None);
                await output.WriteLineAsync($"Restored; the audit chain is back at entry {sequence}. 已恢复；审计链回到第 {sequence} 条。");
            }

            return 0;
        }
        catch (BackupException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
