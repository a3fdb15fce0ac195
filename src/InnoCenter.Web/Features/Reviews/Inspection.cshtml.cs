using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using InnoCenter.Web.Infrastructure.Web;

namespace InnoCenter.Web.Features.Reviews;

/// <summary>The site inspection record of a subject: the panel's experts read it; the leader or an Admin enters it and attaches files.</summary>
public sealed class InspectionModel(SiteInspectionHandlers handlers, ReviewSubjectHandlers subjects, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public InspectionInput Input { get; set; } = new();

    public SubjectDto? Subject { get; private set; }

    public InspectionDto? Record { get; private set; }

    public bool CanWrite { get; private set; }

    public IReadOnlyList<ChecklistItemDto> Checklist { get; private set; } = [];

    public IReadOnlyList<(Guid ExpertId, string Name, string Affiliation)> PanelExperts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Record is { } r)
        {
            Input = new InspectionInput
            {
                Date = r.Date,
                Place = r.Place,
                ExpertIds = r.Participants.Where(p => p.ExpertId is not null).Select(p => p.ExpertId!.Value).ToList(),
                Staff = string.Join("\n", r.Participants.Where(p => p.Kind == nameof(ParticipantKind.Staff)).Select(p => p.Affiliation is null ? p.Name : $"{p.Name} | {p.Affiliation}")),
                Findings = r.Findings.ToDictionary(f => f.ItemCode, f => new FindingInput { Result = f.Result, Note = f.Note }),
                Conclusion = r.Conclusion,
                ConclusionNote = r.ConclusionNote,
                Version = r.Version,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var result = await handlers.SaveAsync(Id, Input.ToRequest(), ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = text["common.saved"];
            return Redirect(ReviewLinks.Inspection(Id));
        }

        ModelState.AddFailureDeep(result.Failure!, text, remap: f => f.StartsWith("participants", StringComparison.Ordinal) ? "participants" : f);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostUploadAsync(string? kind, IFormFile? file, CancellationToken ct)
    {
        var result = await handlers.AttachAsync(Id, kind, file, ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = text["reviews.inspection.uploaded"];
            return Redirect(ReviewLinks.Inspection(Id));
        }

        foreach (var e in result.Failure!.Errors)
        {
            ModelState.AddModelError(string.Empty, text.Of(e));
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        ModelState.Remove("Input.Version");
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var record = await handlers.GetAsync(Id, ct);
        var subject = await subjects.GetAsync(Id, ct);
        if (!record.IsSuccess || !subject.IsSuccess)
        {
            return false;
        }

        Subject = subject.Value;
        Record = record.Value;
        CanWrite = await handlers.CanWriteAsync(Id, ct);
        Checklist = await handlers.ChecklistAsync(Id, ct);
        PanelExperts = await handlers.PanelExpertsAsync(Id, ct);
        return true;
    }

    public sealed class InspectionInput
    {
        public DateOnly? Date { get; set; }

        public string? Place { get; set; }

        public List<Guid> ExpertIds { get; set; } = [];

        /// <summary>Commission staff, one per line: "name | post or organisation".</summary>
        public string? Staff { get; set; }

        public Dictionary<string, FindingInput> Findings { get; set; } = [];

        public string? Conclusion { get; set; }

        public string? ConclusionNote { get; set; }

        public int? Version { get; set; }

        public InspectionRequest ToRequest() => new()
        {
            Date = Date,
            Place = Place,
            Participants = ExpertIds.Select(id => new ParticipantRequest(nameof(ParticipantKind.Expert), id, null, null))
                .Concat((Staff ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries))
                    .Select(parts => new ParticipantRequest(nameof(ParticipantKind.Staff), null, parts[0], parts.Length > 1 ? parts[1] : null)))
                .ToList(),
            Findings = Findings.Select(f => new FindingRequest(f.Key, f.Value.Result, f.Value.Note)).ToList(),
            Conclusion = Conclusion,
            ConclusionNote = ConclusionNote,
            Version = Version,
        };
    }

    public sealed class FindingInput
    {
        public string? Result { get; set; }

        public string? Note { get; set; }
    }
}
