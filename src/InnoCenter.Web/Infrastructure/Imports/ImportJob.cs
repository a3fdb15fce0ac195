using InnoCenter.Domain.Common;

namespace InnoCenter.Web.Infrastructure.Imports;

public enum ImportJobState
{
    Queued,
    Running,

    /// <summary>Every row was written.</summary>
    Succeeded,

    /// <summary>Nothing was written: the file or some rows were refused, each reason kept in the report.</summary>
    Refused,

    /// <summary>Nothing was written: the work stopped (the node went down, or an unexpected error).</summary>
    Failed,
}

/// <summary>
/// A spreadsheet import that runs in the background (后台导入) so that a file of thousands of rows neither holds the
/// page nor a web request: the upload is kept in the row until the node that received it has run it, its progress is
/// written as it goes, and its row report is kept for the person who started it. The import itself stays all or
/// nothing, in one transaction; this record only tells where it stands.
/// </summary>
public sealed class ImportJob
{
    public const int MaxMessageLength = 2000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>What is imported, e.g. <c>ledger:ip</c>.</summary>
    public string Kind { get; private set; } = string.Empty;

    /// <summary>Where it is imported to (the center, for a ledger import).</summary>
    public Guid? ScopeId { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>The language of the person who started it: its report is written in it.</summary>
    public string Culture { get; private set; } = "zh-CN";

    public string FileName { get; private set; } = string.Empty;

    /// <summary>The uploaded workbook, kept until the import has run and then dropped.</summary>
    public byte[]? Content { get; private set; }

    /// <summary>The node that received the upload and runs it (<see cref="Jobs.JobLeases.Me"/>).</summary>
    public string Node { get; private set; } = string.Empty;

    public ImportJobState State { get; private set; } = ImportJobState.Queued;

    public int Total { get; private set; }

    public int Processed { get; private set; }

    public int Imported { get; private set; }

    /// <summary>The report of a refused import (rows and their errors) as JSON.</summary>
    public string? ReportJson { get; private set; }

    /// <summary>Why a refused or failed import wrote nothing, in the starter's language.</summary>
    public string? Message { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>When the node running it last said it was alive; an unfinished import silent for long was cut off.</summary>
    public DateTimeOffset HeartbeatAt { get; private set; }

    public bool IsFinished => State is ImportJobState.Succeeded or ImportJobState.Refused or ImportJobState.Failed;

    public static ImportJob Queue(string kind, Guid? scopeId, Guid userId, string culture, string fileName, byte[] content, string node, DateTimeOffset now) => new()
    {
        Kind = kind,
        ScopeId = scopeId,
        UserId = userId,
        Culture = culture,
        FileName = fileName.Length > FieldLengths.FileName ? fileName[^FieldLengths.FileName..] : fileName,
        Content = content,
        Node = node,
        CreatedAt = now,
        HeartbeatAt = now,
    };

    public bool IsStale(DateTimeOffset now, TimeSpan silence) => !IsFinished && now - HeartbeatAt > silence;

    public void Start(DateTimeOffset now)
    {
        if (State != ImportJobState.Queued)
        {
            throw new InvalidOperationException($"Only a queued import starts; this one is {State}.");
        }

        State = ImportJobState.Running;
        StartedAt = now;
        HeartbeatAt = now;
    }

    public void Report(int processed, int total, DateTimeOffset now)
    {
        if (State != ImportJobState.Running)
        {
            throw new InvalidOperationException($"Only a running import reports progress; this one is {State}.");
        }

        Total = Math.Max(0, total);
        Processed = Math.Clamp(processed, 0, Total);
        HeartbeatAt = now;
    }

    public void Succeed(int rows, int imported, DateTimeOffset now)
    {
        Finish(ImportJobState.Succeeded, now);
        Total = rows;
        Processed = rows;
        Imported = imported;
    }

    public void Refuse(string? message, string? reportJson, int rows, DateTimeOffset now)
    {
        Finish(ImportJobState.Refused, now);
        Total = rows;
        Processed = rows;
        Message = Clip(message);
        ReportJson = reportJson;
    }

    public void Fail(string message, DateTimeOffset now)
    {
        Finish(ImportJobState.Failed, now);
        Message = Clip(message);
    }

    private void Finish(ImportJobState state, DateTimeOffset now)
    {
        if (IsFinished)
        {
            throw new InvalidOperationException($"The import has already ended ({State}).");
        }

        State = state;
        FinishedAt = now;
        Content = null;
    }

    private static string? Clip(string? message) => message is { Length: > MaxMessageLength } ? message[..MaxMessageLength] : message;
}
