using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Reviews;

/// <summary>
/// 现场考察记录 of one review subject: when and where, who took part (panel experts and commission staff), the finding on
/// each checklist item of the policy, and the conclusion. Photos and documents are attached files. Entered by the panel
/// leader or an Admin.
/// </summary>
public sealed class SiteInspection : IAudited, IVersioned
{
    private readonly List<InspectionParticipant> _participants = [];
    private readonly List<InspectionFinding> _findings = [];

    private SiteInspection()
    {
    }

    public Guid Id { get; private set; }

    public Guid SubjectId { get; private set; }

    public DateOnly Date { get; private set; }

    public string Place { get; private set; } = string.Empty;

    public InspectionConclusion Conclusion { get; private set; }

    /// <summary>The conditions (有条件通过) or the reasons (不通过).</summary>
    public string? ConclusionNote { get; private set; }

    public Guid? RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; set; }

    public IReadOnlyList<InspectionParticipant> Participants => _participants;

    public IReadOnlyList<InspectionFinding> Findings => _findings;

    public static SiteInspection Record(Guid subjectId, SiteInspectionDetails details, Guid? by, DateTimeOffset now)
    {
        var inspection = new SiteInspection { Id = Guid.CreateVersion7(), SubjectId = subjectId, RecordedBy = by, RecordedAt = now };
        inspection.Apply(details, now);
        return inspection;
    }

    public void Update(SiteInspectionDetails details, DateTimeOffset now) => Apply(details, now);

    private void Apply(SiteInspectionDetails d, DateTimeOffset now)
    {
        Date = d.Date;
        Place = d.Place.Trim();
        Conclusion = d.Conclusion;
        ConclusionNote = string.IsNullOrWhiteSpace(d.ConclusionNote) ? null : d.ConclusionNote.Trim();
        UpdatedAt = now;

        _participants.RemoveAll(p => !d.Participants.Any(p.Matches));
        foreach (var p in d.Participants.Where(w => !_participants.Any(existing => existing.Matches(w))))
        {
            _participants.Add(new InspectionParticipant(Id, p));
        }

        foreach (var f in d.Findings)
        {
            var existing = _findings.FirstOrDefault(x => x.ItemCode == f.ItemCode);
            if (existing is null)
            {
                _findings.Add(new InspectionFinding(Id, f));
            }
            else
            {
                existing.Set(f);
            }
        }

        _findings.RemoveAll(x => d.Findings.All(f => f.ItemCode != x.ItemCode));
    }
}

public sealed class InspectionParticipant : IAudited
{
    private InspectionParticipant()
    {
    }

    internal InspectionParticipant(Guid inspectionId, ParticipantDetails p)
    {
        Id = Guid.CreateVersion7();
        InspectionId = inspectionId;
        Kind = p.Kind;
        ExpertId = p.ExpertId;
        Name = p.Name.Trim();
        Affiliation = string.IsNullOrWhiteSpace(p.Affiliation) ? null : p.Affiliation.Trim();
    }

    public Guid Id { get; private set; }

    public Guid InspectionId { get; private set; }

    public ParticipantKind Kind { get; private set; }

    public Guid? ExpertId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>Organisation or post, e.g. 市工业和信息化局科技处.</summary>
    public string? Affiliation { get; private set; }

    internal bool Matches(ParticipantDetails p) =>
        Kind == p.Kind && ExpertId == p.ExpertId && Name == p.Name.Trim()
        && Affiliation == (string.IsNullOrWhiteSpace(p.Affiliation) ? null : p.Affiliation.Trim());
}

/// <summary>The finding on one checklist item; the item's names are kept so the record reads the same under a later policy.</summary>
public sealed class InspectionFinding : IAudited
{
    private InspectionFinding()
    {
    }

    internal InspectionFinding(Guid inspectionId, FindingDetails f)
    {
        Id = Guid.CreateVersion7();
        InspectionId = inspectionId;
        ItemCode = f.ItemCode;
        Set(f);
    }

    public Guid Id { get; private set; }

    public Guid InspectionId { get; private set; }

    public string ItemCode { get; private set; } = string.Empty;

    public string ItemZh { get; private set; } = string.Empty;

    public string ItemEn { get; private set; } = string.Empty;

    public FindingResult Result { get; private set; }

    public string? Note { get; private set; }

    public string Label(bool english) => english ? ItemEn : ItemZh;

    internal void Set(FindingDetails f)
    {
        ItemZh = f.ItemZh;
        ItemEn = f.ItemEn;
        Result = f.Result;
        Note = string.IsNullOrWhiteSpace(f.Note) ? null : f.Note.Trim();
    }
}

public sealed record SiteInspectionDetails(
    DateOnly Date,
    string Place,
    IReadOnlyList<ParticipantDetails> Participants,
    IReadOnlyList<FindingDetails> Findings,
    InspectionConclusion Conclusion,
    string? ConclusionNote);

public sealed record ParticipantDetails(ParticipantKind Kind, Guid? ExpertId, string Name, string? Affiliation);

public sealed record FindingDetails(string ItemCode, string ItemZh, string ItemEn, FindingResult Result, string? Note);
