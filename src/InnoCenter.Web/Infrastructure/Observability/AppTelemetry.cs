using System.Diagnostics;
using System.Diagnostics.Metrics;
using InnoCenter.Web.Infrastructure.Jobs;

namespace InnoCenter.Web.Infrastructure.Observability;

/// <summary>
/// The platform's own traces and metrics, beside what ASP.NET Core, EF Core and Npgsql report: one activity and two
/// instruments around each background job run, tagged with the job and the lease holder (this node), so an operator
/// sees which node ran what, how long it took and whether it failed.
/// </summary>
public static class AppTelemetry
{
    public const string Name = "InnoCenter";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>(
        "innocenter.job.runs", unit: "{run}", description: "Background job runs, by job, outcome and lease holder.");

    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>(
        "innocenter.job.duration", unit: "s", description: "Duration of background job runs.");

    /// <summary>Starts one run of a job: an activity, a logging scope, and on dispose the run's metrics.</summary>
    public static JobRun StartJob(string job, ILogger logger) => new(job, logger);

    public sealed class JobRun : IDisposable
    {
        private readonly string _job;
        private readonly Activity? _activity;
        private readonly IDisposable? _scope;
        private readonly long _started = Stopwatch.GetTimestamp();
        private string _outcome = "skipped";

        internal JobRun(string job, ILogger logger)
        {
            _job = job;
            _activity = Source.StartActivity("job " + job);
            _activity?.SetTag("innocenter.job", job);
            _activity?.SetTag("innocenter.lease.holder", JobLeases.Me);
            _scope = logger.BeginScope(new Dictionary<string, object?> { ["Job"] = job, ["LeaseHolder"] = JobLeases.Me });
        }

        /// <summary>This node holds the lease and did the work.</summary>
        public void Succeeded() => _outcome = "succeeded";

        public void Failed(Exception ex)
        {
            _outcome = "failed";
            _activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            _activity?.AddException(ex);
        }

        public void Dispose()
        {
            var tags = new TagList { { "job", _job }, { "outcome", _outcome }, { "lease_holder", JobLeases.Me } };
            JobRuns.Add(1, tags);
            if (_outcome != "skipped")
            {
                JobDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
            }

            _activity?.SetTag("innocenter.job.outcome", _outcome);
            _activity?.Dispose();
            _scope?.Dispose();
        }
    }
}
